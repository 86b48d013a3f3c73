import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Tick } from "../contract/model";
import { openStore } from "../server/store/open-store";
import { createTestDatabase, postgresAvailable } from "../test/support/postgres";
import { simulatedTicks } from "./fixtures";
import { type BenchResult, medianOf, result } from "./harness";

const BATCH = 20_000;

// The fastest way into PostgreSQL: COPY of the same rows through the pg driver.
async function copyRate(url: string, ticks: readonly Tick[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`TRUNCATE "Tick"`);
  const started = performance.now();
  const lines = (function* () {
    for (let i = 0; i < ticks.length; i += BATCH) {
      yield ticks
        .slice(i, i + BATCH)
        .map((t) => `${t.symbol}\t${t.seq}\t${t.ts}\t${t.price}\t${t.size}\n`)
        .join("");
    }
  })();
  await pipeline(
    Readable.from(lines),
    client.query(copyFrom(`COPY "Tick" ("symbol","seq","ts","price","size") FROM STDIN`)),
  );
  const rate = ticks.length / ((performance.now() - started) / 1000);
  await client.end();
  return rate;
}

async function storeRate(url: string, ticks: readonly Tick[]): Promise<number> {
  const store = await openStore({ DATABASE_URL: url, sqlitePath: null });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`TRUNCATE "Tick"`);
  await client.end();
  const started = performance.now();
  for (let i = 0; i < ticks.length; i += BATCH) await store.ticks.append(ticks.slice(i, i + BATCH));
  const rate = ticks.length / ((performance.now() - started) / 1000);
  await store.close();
  return rate;
}

/** Ingest through the PostgreSQL tick store (unnest batches) against COPY. */
export async function benchPostgresStore(quick: boolean): Promise<BenchResult[]> {
  if (!(await postgresAvailable())) return [];
  const ticks = simulatedTicks(quick ? 50_000 : 200_000);
  const db = await createTestDatabase();
  try {
    await openStore({ DATABASE_URL: db.url, sqlitePath: null }).then((s) => s.close());
    const runs = quick ? 1 : 3;
    const copy = await medianOf(runs, () => copyRate(db.url, ticks));
    const store = await medianOf(runs, () => storeRate(db.url, ticks));
    return [
      result(`ingest postgresql (${ticks.length} ticks, store)`, store, "ticks/s", {
        name: "COPY through pg",
        value: copy,
      }),
    ];
  } finally {
    await db.drop();
  }
}
