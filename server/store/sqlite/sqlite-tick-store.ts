import type { Tick } from "../../../contract/model";
import { type DataResolution, resolutionMs } from "../../../contract/resolution";
import { DAY_MS, KST_OFFSET_MS, dayKeyOf } from "../../../domain/market/kst";
import type Database from "better-sqlite3";
import { type SqlitePrisma, sqliteConnection } from "./open-sqlite";
import type { DailyClose, TickQuery, TickStore, Trade } from "../store";

// The hot paths (batched writes, keyset pages, a day of trades) run on Prisma's own
// better-sqlite3 connection with prepared statements, not through Prisma: through Prisma a
// quarter of the write time went to its query compiler handling the 1 MB parameter and a
// tenth to JSON.stringify, and its cost on reads is per row (the keyset read was 0.69x the
// raw driver, a day of trades 2.3x). Figures in README, "Benchmarks".
const ROWS_PER_STATEMENT = 500;
const insertRows = (rows: number) =>
  `INSERT INTO "Tick" ("symbol", "seq", "ts", "price", "size", "resolution") VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?)").join(", ")}`;

/** The prepared statements of one connection: the batched insert and the two hot reads. */
interface Statements {
  db: Database.Database;
  write: Database.Transaction<(ticks: readonly Tick[], resolution: DataResolution) => void>;
  page: Database.Statement<[string, number, number, number], Row>;
  trades: Database.Statement<[string, number, number], [number, number, number]>;
}

function prepareStatements(db: Database.Database): Statements {
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
  // Prisma's adapter turns safe integers on for the whole connection; these reads want
  // plain numbers (seq and ts stay far below 2^53).
  const page = db
    .prepare<[string, number, number, number], Row>(
      `SELECT "symbol", "seq", "ts", "price", "size" FROM "Tick"
       WHERE "symbol" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq" LIMIT ?`,
    )
    .safeIntegers(false);
  // Rows come in index order, (symbol, ts), ties in the order they were stored.
  const trades = db
    .prepare<[string, number, number], [number, number, number]>(
      `SELECT "ts", "price", "size" FROM "Tick" INDEXED BY "Tick_symbol_ts_idx"
       WHERE "symbol" = ? AND "ts" >= ? AND "ts" < ?`,
    )
    .safeIntegers(false)
    .raw(true);
  return { db, write, page, trades };
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

const toTick = (row: Row): Tick => ({
  symbol: row.symbol,
  seq: Number(row.seq),
  ts: Number(row.ts),
  price: row.price,
  size: Number(row.size),
});

/** The tick store on SQLite: hot writes and reads on the driver under Prisma (prepared), the rest through Prisma's raw SQL. */
export class SqliteTickStore implements TickStore {
  private statements: Statements | null = null;

  constructor(private readonly prisma: SqlitePrisma) {}

  /**
   * The connection's prepared statements, once no transaction is open on it: a transaction
   * Prisma opened ($transaction) may be waiting on a promise, and a batch must not join it
   * (its rows would go with a rollback) nor a read see its uncommitted rows. What runs on the
   * statements is synchronous, so nothing else on this connection comes between.
   */
  private async driver(): Promise<Statements> {
    const db = await sqliteConnection(this.prisma);
    if (this.statements?.db !== db) this.statements = prepareStatements(db);
    while (db.inTransaction) await new Promise((resolve) => setTimeout(resolve, 1));
    return this.statements;
  }

  async append(ticks: readonly Tick[], resolution: DataResolution = "tick"): Promise<void> {
    if (ticks.length === 0) return;
    (await this.driver()).write(ticks, resolution);
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
    return (await this.driver()).page.all(query.symbol, afterSeq, maxSeq, query.limit).map(toTick);
  }

  async trades(symbol: string, from: number, to: number): Promise<Trade[]> {
    const rows = (await this.driver()).trades.all(symbol, from, to);
    const trades = new Array<Trade>(rows.length);
    let sorted = true;
    for (let i = 0; i < rows.length; i++) {
      const [ts, price, size] = rows[i]!;
      trades[i] = { ts, price, size };
      if (i > 0 && ts < trades[i - 1]!.ts) sorted = false;
    }
    // SQLite returns an index scan in index order; should a plan ever differ, the order is
    // restored here (stable: trades of one millisecond keep their stored order).
    return sorted ? trades : trades.sort((x, y) => x.ts - y.ts);
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
