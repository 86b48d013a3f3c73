import { rm } from "node:fs/promises";
import path from "node:path";
import { startApp } from "../../server/app";
import { parseEnv } from "../../server/config/env";
import { serveBench } from "../child-process";
import { scratchDir } from "../fixtures";
import type { LoadPlan } from "./offered-load";
import { publishToApp } from "./publish-to-app";

// The real server (API + Socket.IO, no pages) on a fresh SQLite file, seeded with the
// shipped history, no feed of its own: the bench drives it. `--unbounded` turns off the
// bound on what may wait for one viewer (the slow-consumer baseline).
const dir = scratchDir();
const unbounded = process.argv.includes("--unbounded");
const app = await startApp({
  env: parseEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${path.join(dir, "app.db")}`,
    FEED: "off",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  }),
  withPages: false,
  ...(unbounded && { slowConsumers: null }),
});

interface Range {
  symbol: string;
  from: number;
  to: number;
}

serveBench(
  { url: app.url },
  {
    /**
     * This process's memory (bytes) and how many viewers are connected; with `gc`, after a
     * full collection (only when the bench started this child with `--expose-gc`).
     */
    async memory({ gc = false }: { gc?: boolean } = {}) {
      const collect = (globalThis as { gc?: () => void }).gc;
      if (gc && !collect) throw new Error("memory { gc: true } needs this child started with --expose-gc");
      if (gc) collect!();
      const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
      return { rss, heapUsed, external, arrayBuffers, viewers: app.viewers(), queued: app.queuedBytes() };
    },
    /** Publishes synthetic ticks through the tick bus: stored, then fanned out. */
    publish: (plan: LoadPlan) => publishToApp(app, plan),
    /** Reads [from, to] of one symbol through the store in keyset pages of 10,000, as a client would. */
    async readBack({ symbol, from, to }: Range) {
      const started = performance.now();
      let count = 0;
      let page = await app.ctx.store.ticks.find({ symbol, from, to, limit: 10_000 });
      while (page.length > 0) {
        count += page.length;
        page = await app.ctx.store.ticks.find({ symbol, afterSeq: page.at(-1)!.seq, to, limit: 10_000 });
      }
      return { count, ms: performance.now() - started };
    },
    /** The trades candles are built from, read straight from the store. */
    async trades({ symbol, from, to }: Range) {
      const started = performance.now();
      const trades = await app.ctx.store.ticks.trades(symbol, from, to);
      return { count: trades.length, ms: performance.now() - started };
    },
  },
  async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  },
);
