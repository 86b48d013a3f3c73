import type { Tick } from "../../../contract/model";
import { type DataResolution, resolutionMs } from "../../../contract/resolution";
import { DAY_MS, KST_OFFSET_MS, dayKeyOf } from "../../../domain/market/kst";
import type { PostgresPrisma } from "./open-postgres";
import type { DailyClose, TickQuery, TickStore, Trade } from "../store";

// One statement per batch: the columns travel as five array literals (text, cast on the
// server) and unnest turns them into rows. Sent as JS arrays instead, Prisma's query
// compiler and pg's array encoder handled every element (0.29–0.38x COPY; as literals
// 0.65x: figures in README, "Benchmarks"). createMany is 5–10x slower still.
const INSERT_BATCH = `INSERT INTO "Tick" ("symbol", "seq", "ts", "price", "size", "resolution")
  SELECT *, $6::text FROM unnest($1::text::text[], $2::text::int[], $3::text::bigint[], $4::text::float8[], $5::text::int[])`;
const MAX_ROWS_PER_STATEMENT = 20_000;

/** `{a,b,…}`: a PostgreSQL array literal of numbers (JS prints each double so it parses back the same). */
function numbers(ticks: readonly Tick[], field: "seq" | "ts" | "price" | "size"): string {
  let literal = "{";
  for (let i = 0; i < ticks.length; i++) literal += (i === 0 ? "" : ",") + ticks[i]![field];
  return literal + "}";
}

/** `{"a","b",…}`: a PostgreSQL array literal of the symbols, each quoted. */
function symbols(ticks: readonly Tick[]): string {
  let literal = "{";
  for (let i = 0; i < ticks.length; i++)
    literal += (i === 0 ? '"' : ',"') + ticks[i]!.symbol.replace(/["\\]/g, "\\$&") + '"';
  return literal + "}";
}

// BIGINT comes back from the driver as a string; as float8 it is a plain number (epoch ms
// fit exactly in a double).
const COLUMNS = `"symbol", "seq", "ts"::float8 AS "ts", "price", "size"`;

interface Row {
  symbol: string;
  seq: number;
  ts: number;
  price: number;
  size: number;
}

const toTick = (row: Row): Tick => ({ symbol: row.symbol, seq: row.seq, ts: row.ts, price: row.price, size: row.size });

/** The tick store on PostgreSQL, through Prisma's raw SQL (batched writes, keyset reads). */
export class PostgresTickStore implements TickStore {
  constructor(private readonly prisma: PostgresPrisma) {}

  async append(ticks: readonly Tick[], resolution: DataResolution = "tick"): Promise<void> {
    if (ticks.length === 0) return;
    const statements = [];
    for (let i = 0; i < ticks.length; i += MAX_ROWS_PER_STATEMENT) {
      const part = ticks.slice(i, i + MAX_ROWS_PER_STATEMENT);
      statements.push(
        this.prisma.$executeRawUnsafe(
          INSERT_BATCH,
          symbols(part),
          numbers(part, "seq"),
          numbers(part, "ts"),
          numbers(part, "price"),
          numbers(part, "size"),
          resolution,
        ),
      );
    }
    await (statements.length === 1 ? statements[0] : this.prisma.$transaction(statements));
  }

  async resolutions(symbol: string, from: number, to: number): Promise<DataResolution[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ resolution: DataResolution }[]>(
      `SELECT DISTINCT "resolution" FROM "Tick" WHERE "symbol" = $1 AND "ts" >= $2 AND "ts" < $3`,
      symbol,
      from,
      to,
    );
    return rows.map((r) => r.resolution).sort((a, b) => resolutionMs(a) - resolutionMs(b));
  }

  async dailyCloses(symbol: string, from: number, to: number): Promise<DailyClose[]> {
    // Seoul calendar days, as in the SQLite store: each day's last print and summed size.
    const day = `("ts" + ${KST_OFFSET_MS}) / ${DAY_MS}`;
    const rows = await this.prisma.$queryRawUnsafe<{ ts: number; price: number; volume: number }[]>(
      `SELECT DISTINCT ON (${day}) "ts"::float8 AS "ts", "price",
              (SUM("size") OVER (PARTITION BY ${day}))::float8 AS "volume"
       FROM "Tick" WHERE "symbol" = $1 AND "ts" >= $2 AND "ts" < $3
       ORDER BY ${day}, "ts" DESC, "seq" DESC`,
      symbol,
      from,
      to,
    );
    return rows.map((r) => ({ day: dayKeyOf(r.ts), ts: r.ts, close: r.price, volume: r.volume }));
  }

  async lastTicks(): Promise<Map<string, Tick>> {
    // One index probe per instrument instead of a scan of the whole table.
    const rows = await this.prisma.$queryRawUnsafe<Row[]>(
      `SELECT t.* FROM "Instrument" i CROSS JOIN LATERAL (
         SELECT ${COLUMNS} FROM "Tick" WHERE "symbol" = i."symbol" ORDER BY "seq" DESC LIMIT 1) t`,
    );
    return new Map(rows.map((row) => [row.symbol, toTick(row)]));
  }

  async lastAtOrBefore(symbol: string, ts: number): Promise<Tick | null> {
    const rows = await this.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM "Tick" WHERE "symbol" = $1 AND "ts" <= $2 ORDER BY "ts" DESC LIMIT 1`,
      symbol,
      ts,
    );
    return rows[0] ? toTick(rows[0]) : null;
  }

  async find(query: TickQuery): Promise<Tick[]> {
    const rows = await this.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM "Tick" WHERE "symbol" = $1 AND "seq" > $2
         AND ($3::bigint IS NULL OR "ts" >= $3) AND ($4::bigint IS NULL OR "ts" <= $4)
       ORDER BY "seq" LIMIT $5`,
      query.symbol,
      query.afterSeq ?? 0,
      query.from ?? null,
      query.to ?? null,
      query.limit,
    );
    return rows.map(toTick);
  }

  async trades(symbol: string, from: number, to: number): Promise<Trade[]> {
    return this.prisma.$queryRawUnsafe<Trade[]>(
      `SELECT "ts"::float8 AS "ts", "price", "size" FROM "Tick" WHERE "symbol" = $1 AND "ts" >= $2 AND "ts" < $3 ORDER BY "ts"`,
      symbol,
      from,
      to,
    );
  }

  async minuteCloses(symbol: string, from: number, to: number): Promise<Trade[]> {
    // Minutes are closed on the right, (m, m + 1 min], as in the SQLite store.
    return this.prisma.$queryRawUnsafe<Trade[]>(
      `SELECT DISTINCT ON (("ts" - 1) / 60000) "ts"::float8 AS "ts", "price",
              (SUM("size") OVER (PARTITION BY ("ts" - 1) / 60000))::int AS "size"
       FROM "Tick" WHERE "symbol" = $1 AND "ts" >= $2 AND "ts" < $3
       ORDER BY ("ts" - 1) / 60000, "ts" DESC`,
      symbol,
      from,
      to,
    );
  }

  async deleteAfter(symbol: string, seq: number): Promise<number> {
    return this.prisma.$executeRawUnsafe(`DELETE FROM "Tick" WHERE "symbol" = $1 AND "seq" > $2`, symbol, seq);
  }

  async count(): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*)::int AS "n" FROM "Tick"`);
    return rows[0]?.n ?? 0;
  }
}
