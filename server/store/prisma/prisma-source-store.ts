import type { DataResolution, DataSourceKind } from "../../../contract/resolution";
import type { SqlitePrisma } from "../sqlite/open-sqlite";
import type { SourceStore, StoredDataSource } from "../store";

type Row = {
  id: number;
  symbol: string;
  kind: string;
  file: string | null;
  resolution: string;
  firstTs: bigint;
  lastTs: bigint;
  rows: number;
};

const toSource = (row: Row): StoredDataSource => ({
  id: row.id,
  symbol: row.symbol,
  kind: row.kind as DataSourceKind,
  file: row.file,
  resolution: row.resolution as DataResolution,
  firstTs: Number(row.firstTs),
  lastTs: Number(row.lastTs),
  rows: row.rows,
});

/** Data sources through the Prisma client (the same code for SQLite and PostgreSQL). */
export class PrismaSourceStore implements SourceStore {
  constructor(private readonly prisma: SqlitePrisma) {}

  async record(source: Omit<StoredDataSource, "id">): Promise<number> {
    const row = await this.prisma.dataSource.create({
      data: {
        ...source,
        firstTs: BigInt(source.firstTs),
        lastTs: BigInt(source.lastTs),
        createdAt: BigInt(Date.now()),
      },
      select: { id: true },
    });
    return row.id;
  }

  async extend(id: number, lastTs: number, rows: number): Promise<void> {
    await this.prisma.dataSource.update({ where: { id }, data: { lastTs: BigInt(lastTs), rows } });
  }

  async list(query: { symbol?: string; afterId?: number } = {}): Promise<StoredDataSource[]> {
    const rows = await this.prisma.dataSource.findMany({
      where: {
        ...(query.symbol !== undefined && { symbol: query.symbol }),
        ...(query.afterId !== undefined && { id: { gt: query.afterId } }),
      },
      orderBy: { id: "asc" },
    });
    return rows.map(toSource);
  }
}
