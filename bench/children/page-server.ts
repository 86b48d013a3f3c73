import { rm } from "node:fs/promises";
import path from "node:path";
import { startApp } from "../../server/app";
import { parseEnv } from "../../server/config/env";
import { freePort } from "../../e2e/support/free-port";
import { serveBench } from "../child-process";
import { scratchDir } from "../fixtures";
import type { LoadPlan } from "./offered-load";
import { publishToApp } from "./publish-to-app";

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
    publish: (plan: LoadPlan) => publishToApp(app, plan),
  },
  async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  },
);
