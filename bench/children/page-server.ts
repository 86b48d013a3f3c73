import { rm } from "node:fs/promises";
import path from "node:path";
import type { Tick } from "../../contract/model";
import { startApp } from "../../server/app";
import { parseEnv } from "../../server/config/env";
import { Sequencer } from "../../server/feed/sequencer";
import { freePort } from "../../e2e/support/free-port";
import { serveBench } from "../child-process";
import { scratchDir } from "../fixtures";
import { type LoadPlan, offerLoad } from "./offered-load";

// The real server with the dashboard pages of the production build (the bench builds it
// first), on a fresh SQLite file seeded with the shipped history, no feed of its own: the
// bench publishes synthetic ticks stamped with the wall time they leave, so a page can
// tell how long each took to reach its charts.
// Read by Next when the server imports it (Next types the variable read-only).
Object.assign(process.env, { NODE_ENV: "production" });
const dir = scratchDir();
const port = await freePort(3670, 3699);
const app = await startApp({
  env: parseEnv({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${path.join(dir, "app.db")}`,
    FEED: "off",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  }),
  withPages: true,
  dev: false,
});

serveBench(
  { url: app.url },
  {
    /** Publishes synthetic ticks through the tick bus: stored, then fanned out. */
    async publish(plan: LoadPlan) {
      const last = await app.ctx.store.ticks.lastTicks();
      const sequencer = new Sequencer(new Map([...last].map(([symbol, t]) => [symbol, t.seq])));
      const price = (symbol: string) => last.get(symbol)?.price ?? 1_000;
      const tick = (symbol: string, ts: number): Tick =>
        sequencer.number({ symbol, ts, price: price(symbol), size: 1 });
      const report = await offerLoad(plan, tick, (ticks) => app.bus.publish(ticks));
      await app.bus.flush();
      return report;
    },
  },
  async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  },
);
