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

// The fastest thing that does the same job: one prepared insert, one transaction, WAL.
function rawInsert(file: string, ticks: readonly Tick[]): number {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const insert = db.prepare(`INSERT INTO "Tick" ("symbol","seq","ts","price","size") VALUES (?,?,?,?,?)`);
  const started = performance.now();
  for (let i = 0; i < ticks.length; i += BATCH) {
    db.transaction((rows: readonly Tick[]) => {
      for (const t of rows) insert.run(t.symbol, t.seq, t.ts, t.price, t.size);
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
        name: "raw better-sqlite3 insert",
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
