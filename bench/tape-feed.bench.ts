import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Tick } from "../contract/model";
import { KrxCalendar } from "../domain/market/krx-calendar";
import { kstTime } from "../domain/market/kst";
import { Sequencer } from "../server/feed/sequencer";
import { TickBus } from "../server/feed/tick-bus";
import { Signal } from "../server/lib/signal";
import { createLogger } from "../server/lib/logger";
import { openStore } from "../server/store/open-store";
import { readTape } from "../server/tape/read-tape";
import { TapeFeed } from "../server/tape/tape-feed";
import { type BenchResult, result, trace } from "./harness";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
const SPEED = 100_000; // FEED_SPEED's ceiling: the tape's clock is never what holds it back
const BATCH = 20_000;

// Ten rows a second per symbol from 09:00 on 22 Oct 2025, as a recorder would write them.
function tapeCsv(rows: number): string {
  const open = kstTime("2025-10-22", 9);
  const lines = ["symbol,ts,price,size"];
  for (let i = 0; i < rows; i++)
    lines.push(`${SYMBOLS[i % 3]},${open + Math.floor(i / 3) * 100},${215_000 + (i % 11) * 500},${1 + (i % 9)}`);
  return lines.join("\n");
}

const tempDb = () =>
  path.join(os.tmpdir(), `aftershock-bench-tape-${process.pid}-${Math.random().toString(36).slice(2, 8)}.db`);
const removeDb = (file: string) => Promise.all(["", "-wal", "-shm"].map((s) => rm(`${file}${s}`, { force: true })));

/** The tape feed's rate (read, sequenced, stored through the bus, at FEED_SPEED's ceiling) against raw store ingest of the same rows. */
export async function benchTapeFeed(quick: boolean): Promise<BenchResult[]> {
  const count = quick ? 60_000 : 240_000;
  const file = path.join(os.tmpdir(), `aftershock-bench-tape-${process.pid}.csv`);
  await writeFile(file, tapeCsv(count));
  const log = createLogger("silent", "bench");
  const calendar = new KrxCalendar();
  try {
    const rows = await readTape(file);
    // Baseline: the same rows, already numbered, appended straight to a fresh store.
    const baseFile = tempDb();
    const base = await openStore({ DATABASE_URL: `file:${baseFile}`, sqlitePath: baseFile });
    const sequencer = new Sequencer();
    const ticks: Tick[] = rows.map((r) => sequencer.number(r));
    let started = performance.now();
    for (let i = 0; i < ticks.length; i += BATCH) await base.ticks.append(ticks.slice(i, i + BATCH));
    const ingest = (ticks.length * 1000) / (performance.now() - started);
    await base.close();
    await removeDb(baseFile);

    const feedFile = tempDb();
    const store = await openStore({ DATABASE_URL: `file:${feedFile}`, sqlitePath: feedFile });
    const bus = new TickBus(store.ticks, log);
    started = performance.now();
    const readStart = performance.now();
    const tape = await readTape(file);
    const readMs = performance.now() - readStart;
    await new Promise<void>((resolve) => {
      const feed = new TapeFeed({
        file,
        rows: tape,
        news: [],
        sequencer: new Sequencer(),
        bus,
        store,
        newsSignal: new Signal(),
        calendar,
        speed: SPEED,
        log,
        onEnd: resolve,
      });
      feed.start();
    });
    const played = (count * 1000) / (performance.now() - started);
    const stored = await store.ticks.count();
    await store.close();
    await removeDb(feedFile);
    if (stored !== count) throw new Error(`the tape stored ${stored} of ${count} rows`);
    trace(
      `tape: read ${count} rows in ${readMs.toFixed(0)} ms; played ${played.toFixed(0)}/s; ingest ${ingest.toFixed(0)}/s`,
    );
    return [
      result(
        `tape feed FEED=replay:FILE at FEED_SPEED=${SPEED} (read, sequenced, stored through the bus; ${count.toLocaleString("en-US")} rows)`,
        Math.round(played),
        "ticks/s",
        {
          name: "raw store ingest of the same ticks (append, 20k batches)",
          value: Math.round(ingest),
        },
      ),
    ];
  } finally {
    await rm(file, { force: true });
  }
}
