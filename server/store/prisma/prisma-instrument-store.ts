import type { Instrument } from "../../../contract/model";
import type { SqlitePrisma } from "../../db/open-sqlite";
import type { InstrumentStore } from "../store";

/** Instruments through the Prisma client (the same code for SQLite and PostgreSQL). */
export class PrismaInstrumentStore implements InstrumentStore {
  constructor(private readonly prisma: SqlitePrisma) {}

  async upsert(instruments: readonly Instrument[]): Promise<void> {
    await this.prisma.$transaction(
      instruments.map(({ aliases, ...rest }) => {
        const data = { ...rest, aliases: JSON.stringify(aliases) };
        return this.prisma.instrument.upsert({ where: { symbol: rest.symbol }, create: data, update: data });
      }),
    );
  }

  async list(): Promise<Instrument[]> {
    const rows = await this.prisma.instrument.findMany({ orderBy: { symbol: "asc" } });
    return rows.map((row) => ({
      ...row,
      kind: row.kind === "index" ? "index" : "stock",
      aliases: JSON.parse(row.aliases) as string[],
    }));
  }
}
