import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Tick } from "../contract/model";
import { migrate } from "../server/store/migrate";
import { openSqlite } from "../server/store/sqlite/open-sqlite";
import { SqliteTickStore } from "../server/store/sqlite/sqlite-tick-store";
import { simulatedTicks, scratchDir } from "./fixtures";
import { type BenchResult, medianOf, result } from "./harness";

const BATCH = 20_000;

async function freshDb(dir: string, name: string): Promise<string> {
  const file = path.join(dir, `${name}.db`);
  await migrate(`file:${file}`, file);
  return file;
}

// The fastest thing known to do the same job on the bare driver: prepared inserts of 500
// rows each (one row per statement runs at about two thirds of this), one transaction per
// batch, WAL.
const RAW_ROWS = 500;
function rawInsert(file: string, ticks: readonly Tick[]): number {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const values = (n: number) => Array(n).fill("(?,?,?,?,?)").join(",");
  const many = db.prepare(`INSERT INTO "Tick" ("symbol","seq","ts","price","size") VALUES ${values(RAW_ROWS)}`);
  const one = db.prepare(`INSERT INTO "Tick" ("symbol","seq","ts","price","size") VALUES ${values(1)}`);
  const args: unknown[] = new Array(RAW_ROWS * 5);
  const started = performance.now();
  for (let i = 0; i < ticks.length; i += BATCH) {
    db.transaction((rows: readonly Tick[]) => {
      let r = 0;
      for (; r + RAW_ROWS <= rows.length; r += RAW_ROWS) {
        for (let k = 0, at = 0; k < RAW_ROWS; k++, at += 5) {
          const t = rows[r + k]!;
          args[at] = t.symbol;
          args[at + 1] = t.seq;
          args[at + 2] = t.ts;
          args[at + 3] = t.price;
          args[at + 4] = t.size;
        }
        many.run(args);
      }
      for (; r < rows.length; r++) one.run(rows[r]!.symbol, rows[r]!.seq, rows[r]!.ts, rows[r]!.price, rows[r]!.size);
    })(ticks.slice(i, i + BATCH));
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return ticks.length / seconds;
}

async function storeInsert(file: string, ticks: readonly Tick[]): Promise<number> {
  const prisma = await openSqlite(file);
  const store = new SqliteTickStore(prisma);
  const started = performance.now();
  for (let i = 0; i < ticks.length; i += BATCH) await store.append(ticks.slice(i, i + BATCH));
  const seconds = (performance.now() - started) / 1000;
  await prisma.$disconnect();
  return ticks.length / seconds;
}

async function storeReadDay(file: string, symbol: string): Promise<{ store: number; raw: number }> {
  const prisma = await openSqlite(file);
  const store = new SqliteTickStore(prisma);
  let started = performance.now();
  let count = 0;
  for (let after = 0; ;) {
    const page = await store.find({ symbol, afterSeq: after, limit: 10_000 });
    if (page.length === 0) break;
    count += page.length;
    after = page[page.length - 1]!.seq;
  }
  const storeRate = count / ((performance.now() - started) / 1000);
  await prisma.$disconnect();
  const db = new Database(file, { readonly: true });
  const select = db.prepare(`SELECT "symbol","seq","ts","price","size" FROM "Tick" WHERE "symbol" = ? ORDER BY "seq"`);
  started = performance.now();
  const rows = select.all(symbol);
  const rawRate = rows.length / ((performance.now() - started) / 1000);
  db.close();
  return { store: storeRate, raw: rawRate };
}

/** Ingest and read-back through the SQLite tick store against the raw driver. */
export async function benchSqliteStore(quick: boolean): Promise<BenchResult[]> {
  const count = quick ? 50_000 : 200_000;
  const runs = quick ? 1 : 3;
  const ticks = simulatedTicks(count);
  const dir = scratchDir();
  try {
    const raw = await medianOf(runs, async (run) => rawInsert(await freshDb(dir, `raw-${run}`), ticks));
    const store = await medianOf(runs, async (run) => storeInsert(await freshDb(dir, `store-${run}`), ticks));
    // One trading day of the benchmark index: 23,400 one-second ticks.
    const dayFile = await freshDb(dir, "day");
    await storeInsert(dayFile, ticks);
    const reads = [];
    for (let run = 0; run < runs; run++) reads.push(await storeReadDay(dayFile, "^KS11"));
    const readStore = reads.map((r) => r.store).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    const readRaw = reads.map((r) => r.raw).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    return [
      result(`ingest sqlite (${count} ticks, store)`, store, "ticks/s", {
        name: "raw better-sqlite3, prepared 500-row inserts",
        value: raw,
      }),
      result("read-back sqlite (^KS11 ticks, store, pages of 10k)", readStore, "ticks/s", {
        name: "raw better-sqlite3 select",
        value: readRaw,
      }),
    ];
  } finally {
    // Several 200k-row databases per run: they must not pile up in the temp folder.
    rmSync(dir, { recursive: true, force: true });
  }
}
