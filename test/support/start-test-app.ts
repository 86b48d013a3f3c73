import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
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
  return Object.assign(
    await startApp({
      env,
      withPages: false,
      ...(options.slowConsumers !== undefined && { slowConsumers: options.slowConsumers }),
    }),
    { dbFile },
  );
}

/** Removes a test database and its WAL side files. */
export async function removeDb(dbFile: string): Promise<void> {
  await Promise.all(["", "-wal", "-shm", "-journal"].map((suffix) => rm(`${dbFile}${suffix}`, { force: true })));
}

/**
 * The one integration fixture: starts a test app before the tests of the file (or describe)
 * that calls it, and closes it and removes its database after them. Returns the app, usable
 * from the first test or later `beforeAll` on (hooks run in order; `afterAll`s in reverse,
 * so a file's own clean-up, closing its sockets, runs before the app closes).
 */
export function useTestApp(options: Parameters<typeof startTestApp>[0] = {}): TestApp {
  let running: TestApp | null = null;
  beforeAll(async () => {
    running = await startTestApp(options);
  });
  afterAll(async () => {
    const app = running;
    running = null;
    await app?.close();
    if (app) await removeDb(app.dbFile);
  });
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!running)
        throw new Error(`the test app is not running (read .${String(key)} outside the tests or their hooks)`);
      const value: unknown = Reflect.get(running, key, running);
      return typeof value === "function" ? value.bind(running) : value;
    },
  });
}
