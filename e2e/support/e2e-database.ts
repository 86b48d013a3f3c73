import { readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const PREFIX = "aftershock-e2e-";
const FILE = /^aftershock-e2e-(\d+)\.db(-wal|-shm|-journal)?$/;

/**
 * The SQLite file the e2e server runs on: fresh for each `playwright test` run. The runner
 * picks it and workers inherit it through the environment (the config is loaded in each).
 * Files of earlier runs are removed here rather than at teardown: Playwright tears the
 * web server down after global teardown, so the file is still open then.
 */
export function e2eDatabaseFile(): string {
  const inherited = process.env.AFTERSHOCK_E2E_DB;
  if (inherited) return inherited;
  removeStaleFiles();
  const file = path.join(os.tmpdir(), `${PREFIX}${process.pid}.db`);
  process.env.AFTERSHOCK_E2E_DB = file;
  return file;
}

// Only files whose run is over: the pid in the name is no longer a live process.
function removeStaleFiles(): void {
  for (const name of readdirSync(os.tmpdir())) {
    const match = FILE.exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(path.join(os.tmpdir(), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
