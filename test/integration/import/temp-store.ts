import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach } from "vitest";
import { type TickImportOptions, importTicks } from "../../../server/import/import-ticks";
import { openStore } from "../../../server/store/open-store";
import type { Store } from "../../../server/store/store";
import { removeDb, tempDbFile } from "../../support/start-test-app";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");

/** A fixture file's path. */
export const fixture = (name: string): string => path.join(here, "fixtures", name);

export interface TempStore {
  store: Store;
  file: string;
  /** Closes the store and deletes its files. */
  dispose(): Promise<void>;
}

/** A store on a fresh, migrated SQLite file in the OS temp directory. */
export async function openTempStore(): Promise<TempStore> {
  const file = tempDbFile();
  const store = await openStore({ DATABASE_URL: `file:${file}`, sqlitePath: file });
  return {
    store,
    file,
    dispose: async () => {
      await store.close();
      await removeDb(file);
    },
  };
}

/**
 * Gives each test of the calling file (or describe) a fresh temp store: `use` receives it
 * before the test, and it is disposed after.
 */
export function tempStoreEachTest(use: (store: Store) => unknown): void {
  let db: TempStore | null = null;
  beforeEach(async () => {
    db = await openTempStore();
    await use(db.store);
  });
  afterEach(async () => {
    const done = db;
    db = null;
    await done?.dispose();
  });
}

/** Imports into `store` as `importTicks` does, collecting the rows it skipped. */
export async function importCollectingSkips(store: Store, options: Omit<TickImportOptions, "onRowError">) {
  const skipped: { line: number; message: string }[] = [];
  const summary = await importTicks(store, {
    ...options,
    onRowError: (line, message) => skipped.push({ line, message }),
  });
  return { summary, skipped };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run import -- …args` as its own process (without npm) against `dbFile`. */
export async function runImportCli(args: string[], dbFile: string): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "server/cli/import.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
