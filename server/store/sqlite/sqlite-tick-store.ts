import type { Tick } from "../../../contract/model";
import { type DataResolution, resolutionMs } from "../../../contract/resolution";
import { DAY_MS, KST_OFFSET_MS, dayKeyOf } from "../../../domain/market/kst";
import type Database from "better-sqlite3";
import { type SqlitePrisma, sqliteConnection } from "./open-sqlite";
import type { DailyClose, TickQuery, TickStore, Trade } from "../store";

// Ticks are written on Prisma's own better-sqlite3 connection, not through Prisma: a
// prepared statement of ROWS_PER_STATEMENT rows run over the batch inside one transaction.
// Through Prisma (one json_each statement per 20,000 rows) a quarter of the time went to
// Prisma's query compiler handling the 1 MB parameter and a tenth to JSON.stringify
// (figures in README, "Benchmarks").
const ROWS_PER_STATEMENT = 500;
const insertRows = (rows: number) =>
  `INSERT INTO "Tick" ("symbol", "seq", "ts", "price", "size", "resolution") VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?)").join(", ")}`;

/** The two prepared inserts (a full group of rows, and one row for the rest) of a connection. */
interface Inserts {
  many: Database.Statement;
  one: Database.Statement;
  write: Database.Transaction<(ticks: readonly Tick[], resolution: DataResolution) => void>;
}

function prepareInserts(db: Database.Database): Inserts {
  const many = db.prepare(insertRows(ROWS_PER_STATEMENT));
  const one = db.prepare(insertRows(1));
  const args: unknown[] = new Array(ROWS_PER_STATEMENT * 6);
  const write = db.transaction((ticks: readonly Tick[], resolution: DataResolution) => {
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= ticks.length; i += ROWS_PER_STATEMENT) {
      for (let k = 0, at = 0; k < ROWS_PER_STATEMENT; k++, at += 6) {
        const t = ticks[i + k]!;
        args[at] = t.symbol;
        args[at + 1] = t.seq;
        args[at + 2] = t.ts;
        args[at + 3] = t.price;
        args[at + 4] = t.size;
        args[at + 5] = resolution;
      }
      many.run(args);
    }
    for (; i < ticks.length; i++) {
      const t = ticks[i]!;
      one.run(t.symbol, t.seq, t.ts, t.price, t.size, resolution);
    }
  });
  return { many, one, write };
}

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

/** The tick store on SQLite: writes on the driver under Prisma (prepared, batched), reads through Prisma's raw SQL (keyset). */
export class SqliteTickStore implements TickStore {
  private inserts: (Inserts & { db: Database.Database }) | null = null;

  constructor(private readonly prisma: SqlitePrisma) {}

  async append(ticks: readonly Tick[], resolution: DataResolution = "tick"): Promise<void> {
    if (ticks.length === 0) return;
    const db = await sqliteConnection(this.prisma);
    if (this.inserts?.db !== db) this.inserts = { db, ...prepareInserts(db) };
    // A transaction Prisma opened on this connection ($transaction) may be waiting on a
    // promise: the batch waits for it to end instead of joining it. The batch itself runs
    // synchronously, so nothing else on this connection comes between its rows.
    while (db.inTransaction) await new Promise((resolve) => setTimeout(resolve, 1));
    this.inserts.write(ticks, resolution);
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
    return rows.map((r) => ({
      day: dayKeyOf(Number(r.ts)),
      ts: Number(r.ts),
      close: r.price,
      volume: Number(r.volume),
    }));
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
