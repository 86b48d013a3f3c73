import type { Tick } from "../../../contract/model";
import { type DataResolution, resolutionMs } from "../../../contract/resolution";
import { DAY_MS, KST_OFFSET_MS, dayKeyOf } from "../../../domain/market/kst";
import type { SqlitePrisma } from "./open-sqlite";
import type { DailyClose, TickQuery, TickStore, Trade } from "../store";

// One statement per batch: the rows travel as one JSON array and SQLite unpacks them with
// json_each. Prisma's createMany is ~20x slower here (figures in README, "Benchmarks").
// The first parameter is the batch's resolution, the second the rows.
const INSERT_BATCH = `INSERT INTO "Tick" ("symbol", "seq", "ts", "price", "size", "resolution")
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, ? FROM json_each(?)`;
const MAX_ROWS_PER_STATEMENT = 20_000;

// Columns are read through expressions so the driver hands back plain numbers, not BigInt.
const COLUMNS = `"symbol", "seq", "ts" + 0 AS "ts", "price", "size"`;

interface Row {
  symbol: string;
  seq: number;
  ts: number | bigint;
  price: number;
  size: number;
}

/** Splits `ts-from,price,size;…` (see `trades`) into trades. */
export function unpackTrades(packed: string | null, from: number): Trade[] {
  if (!packed) return [];
  const trades: Trade[] = [];
  let sorted = true;
  let at = 0;
  while (at < packed.length) {
    let end = packed.indexOf(";", at);
    if (end < 0) end = packed.length;
    const a = packed.indexOf(",", at);
    const b = packed.indexOf(",", a + 1);
    const ts = from + Number(packed.slice(at, a));
    if (trades.length > 0 && ts < trades[trades.length - 1]!.ts) sorted = false;
    trades.push({ ts, price: Number(packed.slice(a + 1, b)), size: Number(packed.slice(b + 1, end)) });
    at = end + 1;
  }
  // Stable: trades of one millisecond keep their stored order.
  return sorted ? trades : trades.sort((x, y) => x.ts - y.ts);
}

const toTick = (row: Row): Tick => ({
  symbol: row.symbol,
  seq: Number(row.seq),
  ts: Number(row.ts),
  price: row.price,
  size: Number(row.size),
});

/** The tick store on SQLite, through Prisma's raw SQL (batched writes, keyset reads). */
export class SqliteTickStore implements TickStore {
  constructor(private readonly prisma: SqlitePrisma) {}

  async append(ticks: readonly Tick[], resolution: DataResolution = "tick"): Promise<void> {
    if (ticks.length === 0) return;
    const statements = [];
    for (let i = 0; i < ticks.length; i += MAX_ROWS_PER_STATEMENT) {
      const rows = ticks.slice(i, i + MAX_ROWS_PER_STATEMENT).map((t) => [t.symbol, t.seq, t.ts, t.price, t.size]);
      statements.push(this.prisma.$executeRawUnsafe(INSERT_BATCH, resolution, JSON.stringify(rows)));
    }
    await (statements.length === 1 ? statements[0] : this.prisma.$transaction(statements));
  }

  async resolutions(symbol: string, from: number, to: number): Promise<DataResolution[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ resolution: DataResolution }[]>(
      `SELECT DISTINCT "resolution" FROM "Tick" WHERE "symbol" = ? AND "ts" >= ? AND "ts" < ?`,
      symbol,
      from,
      to,
    );
    return rows.map((r) => r.resolution).sort((a, b) => resolutionMs(a) - resolutionMs(b));
  }

  async dailyCloses(symbol: string, from: number, to: number): Promise<DailyClose[]> {
    // Days are Seoul calendar days; SQLite takes the bare "price" from the row holding MAX("ts").
    const rows = await this.prisma.$queryRawUnsafe<{ ts: number | bigint; price: number; volume: number | bigint }[]>(
      `SELECT MAX("ts") + 0 AS "ts", "price", SUM("size") AS "volume" FROM "Tick"
       WHERE "symbol" = ? AND "ts" >= ? AND "ts" < ? GROUP BY ("ts" + ${KST_OFFSET_MS}) / ${DAY_MS} ORDER BY 1`,
      symbol,
      from,
      to,
    );
    return rows.map((r) => ({ day: dayKeyOf(Number(r.ts)), ts: Number(r.ts), close: r.price, volume: Number(r.volume) }));
  }

  async lastTicks(): Promise<Map<string, Tick>> {
    // One index probe per instrument instead of a scan of the whole table.
    const rows = await this.prisma.$queryRawUnsafe<Row[]>(
      `SELECT t.* FROM "Instrument" i JOIN "Tick" t ON t."symbol" = i."symbol"
         AND t."seq" = (SELECT MAX("seq") FROM "Tick" WHERE "symbol" = i."symbol")`,
    );
    return new Map(rows.map((row) => [row.symbol, toTick(row)]));
  }

  async lastAtOrBefore(symbol: string, ts: number): Promise<Tick | null> {
    const rows = await this.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM "Tick" WHERE "symbol" = ? AND "ts" <= ? ORDER BY "ts" DESC LIMIT 1`,
      symbol,
      ts,
    );
    return rows[0] ? toTick(rows[0]) : null;
  }

  async find(query: TickQuery): Promise<Tick[]> {
    // Time bounds become seq bounds first, so the read itself is a primary-key range scan
    // that comes out in seq order.
    let afterSeq = query.afterSeq ?? 0;
    let maxSeq = Number.MAX_SAFE_INTEGER;
    if (query.from !== undefined) {
      const first = await this.seqAt(query.symbol, `"ts" >= ?`, query.from, "ASC");
      if (first === null) return [];
      afterSeq = Math.max(afterSeq, first - 1);
    }
    if (query.to !== undefined) {
      const last = await this.seqAt(query.symbol, `"ts" <= ?`, query.to, "DESC");
      if (last === null) return [];
      maxSeq = last;
    }
    const rows = await this.prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM "Tick" WHERE "symbol" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq" LIMIT ?`,
      query.symbol,
      afterSeq,
      maxSeq,
      query.limit,
    );
    return rows.map(toTick);
  }

  async trades(symbol: string, from: number, to: number): Promise<Trade[]> {
    // A day of trades is tens of thousands of rows, and Prisma's cost is per row (it was 2.3x
    // the raw driver): they come back packed in one text value instead, and are split here.
    // `%.17g` prints a double so that parsing it gives the same double back. The rows come
    // in index order, (symbol, ts); an ORDER BY inside group_concat would cost a sort, so
    // the order is checked (and restored) after unpacking instead.
    const [row] = await this.prisma.$queryRawUnsafe<{ packed: string | null }[]>(
      `SELECT group_concat(("ts" - ?) || ',' || printf('%.17g', "price") || ',' || "size", ';') AS "packed"
       FROM "Tick" INDEXED BY "Tick_symbol_ts_idx" WHERE "symbol" = ? AND "ts" >= ? AND "ts" < ?`,
      from,
      symbol,
      from,
      to,
    );
    return unpackTrades(row?.packed ?? null, from);
  }

  async minuteCloses(symbol: string, from: number, to: number): Promise<Trade[]> {
    // Minutes are closed on the right, (m, m + 1 min]: a trade stamped exactly on a minute
    // boundary is the last one "at or before" it. SQLite takes the bare "price" from the
    // row holding MAX("ts").
    const rows = await this.prisma.$queryRawUnsafe<{ ts: number | bigint; price: number; size: number | bigint }[]>(
      `SELECT MAX("ts") + 0 AS "ts", "price", SUM("size") AS "size" FROM "Tick"
       WHERE "symbol" = ? AND "ts" >= ? AND "ts" < ? GROUP BY ("ts" - 1) / 60000 ORDER BY 1`,
      symbol,
      from,
      to,
    );
    return rows.map((r) => ({ ts: Number(r.ts), price: r.price, size: Number(r.size) }));
  }

  async count(): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "Tick"`);
    return Number(rows[0]?.n ?? 0);
  }

  async deleteAfter(symbol: string, seq: number): Promise<number> {
    return this.prisma.$executeRawUnsafe(`DELETE FROM "Tick" WHERE "symbol" = ? AND "seq" > ?`, symbol, seq);
  }

  private async seqAt(symbol: string, condition: string, ts: number, order: "ASC" | "DESC"): Promise<number | null> {
    const rows = await this.prisma.$queryRawUnsafe<{ seq: number }[]>(
      `SELECT "seq" FROM "Tick" WHERE "symbol" = ? AND ${condition} ORDER BY "ts" ${order} LIMIT 1`,
      symbol,
      ts,
    );
    return rows[0] ? Number(rows[0].seq) : null;
  }
}
