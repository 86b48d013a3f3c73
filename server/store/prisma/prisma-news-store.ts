import type { NewsItem } from "../../../contract/model";
import type { SqlitePrisma } from "../sqlite/open-sqlite";
import type { NewsQuery, NewsStore } from "../store";

type Row = {
  id: string;
  publishedAt: bigint;
  headline: string;
  body: string;
  source: string;
  url: string | null;
  tickers: { symbol: string }[];
};

const toItem = (row: Row): NewsItem => ({
  id: row.id,
  publishedAt: new Date(Number(row.publishedAt)).toISOString(),
  headline: row.headline,
  body: row.body,
  source: row.source,
  url: row.url,
  tickers: row.tickers.map((t) => t.symbol).sort(),
});

const include = { tickers: { select: { symbol: true } } } as const;

/** Headlines through the Prisma client (the same code for SQLite and PostgreSQL). */
export class PrismaNewsStore implements NewsStore {
  constructor(private readonly prisma: SqlitePrisma) {}

  async insert(item: NewsItem): Promise<boolean> {
    const existing = await this.prisma.news.findUnique({ where: { id: item.id }, select: { id: true } });
    if (existing) return false;
    await this.prisma.news.create({
      data: {
        id: item.id,
        publishedAt: BigInt(Date.parse(item.publishedAt)),
        headline: item.headline,
        body: item.body,
        source: item.source,
        url: item.url,
        createdAt: BigInt(Date.now()),
        tickers: { create: item.tickers.map((symbol) => ({ symbol })) },
      },
    });
    return true;
  }

  async get(id: string): Promise<NewsItem | null> {
    const row = await this.prisma.news.findUnique({ where: { id }, include });
    return row ? toItem(row) : null;
  }

  async storedSince(createdAt: number, limit: number): Promise<{ item: NewsItem; storedAt: number }[]> {
    const rows = await this.prisma.news.findMany({
      where: { createdAt: { gte: BigInt(createdAt) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      include,
    });
    return rows.map((row) => ({ item: toItem(row), storedAt: Number(row.createdAt) }));
  }

  async find(query: NewsQuery): Promise<NewsItem[]> {
    const rows = await this.prisma.news.findMany({
      where: {
        publishedAt: {
          ...(query.from !== undefined && { gte: BigInt(query.from) }),
          ...(query.to !== undefined && { lte: BigInt(query.to) }),
        },
        ...(query.symbol && { tickers: { some: { symbol: query.symbol } } }),
      },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: query.limit,
      include,
    });
    return rows.map(toItem);
  }

  async count(): Promise<number> {
    return this.prisma.news.count();
  }
}
