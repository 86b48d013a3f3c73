import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type RunningApp, type StartOptions, startApp } from "../../server/app";
import { parseEnv } from "../../server/config/env";

export interface TestApp extends RunningApp {
  /** The SQLite file this app runs on; hand it to another `startTestApp` to restart. */
  dbFile: string;
}

/** A fresh SQLite path in the OS temp directory, unique per call. */
export function tempDbFile(): string {
  return path.join(os.tmpdir(), `aftershock-it-${process.pid}-${randomUUID().slice(0, 8)}.db`);
}

/**
 * The real server (API + Socket.IO, no Next pages) on a free port and its own SQLite file.
 * The feed runs fast (600 market seconds per wall second) so live ticks flow within moments.
 */
export async function startTestApp(
  options: { dbFile?: string; env?: Record<string, string>; slowConsumers?: StartOptions["slowConsumers"] } = {},
): Promise<TestApp> {
  const dbFile = options.dbFile ?? tempDbFile();
  const env = parseEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${dbFile}`,
    FEED: "simulate",
    FEED_SEED: "42",
    FEED_SPEED: "600",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  // Assigned rather than spread, so the app's methods keep working whatever their form.
  return Object.assign(await startApp({ env, withPages: false, ...(options.slowConsumers !== undefined && { slowConsumers: options.slowConsumers }) }), { dbFile });
}

/** Removes a test database and its WAL side files. */
export async function removeDb(dbFile: string): Promise<void> {
  await Promise.all(["", "-wal", "-shm", "-journal"].map((suffix) => rm(`${dbFile}${suffix}`, { force: true })));
}
