import type { AmbiguousName, Instrument } from "../../../contract/model";
import type { SqlitePrisma } from "../sqlite/open-sqlite";
import type { InstrumentStore } from "../store";

interface Tagging {
  lookalikes?: string[];
  ambiguous?: AmbiguousName[];
}

/** Instruments through the Prisma client (the same code for SQLite and PostgreSQL). */
export class PrismaInstrumentStore implements InstrumentStore {
  constructor(private readonly prisma: SqlitePrisma) {}

  async upsert(instruments: readonly Instrument[]): Promise<void> {
    await this.prisma.$transaction(
      instruments.map(({ aliases, lookalikes, ambiguous, sector, beta, ...rest }) => {
        const tagging: Tagging = { ...(lookalikes?.length && { lookalikes }), ...(ambiguous?.length && { ambiguous }) };
        const data = {
          ...rest,
          aliases: JSON.stringify(aliases),
          sector: sector ?? null,
          beta: beta ?? null,
          tagging: JSON.stringify(tagging),
        };
        return this.prisma.instrument.upsert({ where: { symbol: rest.symbol }, create: data, update: data });
      }),
    );
  }

  async list(): Promise<Instrument[]> {
    const rows = await this.prisma.instrument.findMany({ orderBy: { symbol: "asc" } });
    return rows.map(({ tagging, nameKo, ...row }) => {
      const { lookalikes = [], ambiguous = [] } = JSON.parse(tagging) as Tagging;
      return {
        ...row,
        // Rows written before Korean names were kept fall back to the English name.
        nameKo: nameKo || row.name,
        kind: row.kind === "index" ? "index" : "stock",
        aliases: JSON.parse(row.aliases) as string[],
        lookalikes,
        ambiguous,
      };
    });
  }
}
