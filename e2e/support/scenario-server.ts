import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

// The project's port range for servers a test starts itself (the shared e2e server is 3210),
// split between Playwright's parallel workers so two cannot probe the same port at once.
const PORTS = { from: 3600, perWorker: 20 };
const START_MS = 90_000;
const STOP_MS = 10_000;
const OUTPUT_TAIL = 8_000;

/** A production server playing one scenario file as its feed, on its own fresh SQLite file. */
export interface ScenarioServer {
  url: string;
  pid: number;
  /** The last lines the server wrote, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s; removes the database. Safe to call twice. */
  stop(): Promise<void>;
}

// Last line of defence: a worker that exits (or is killed by a timeout) takes its servers along.
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/**
 * Starts `node --import tsx server/index.ts` with FEED=scenario:FILE at `speed` market seconds
 * per wall second and waits for /api/health. Needs a production build (`.next`).
 */
export async function startScenarioServer(file: string, speed: number): Promise<ScenarioServer> {
  return startAppServer({ FEED: `scenario:${file}`, FEED_SPEED: String(speed) });
}

/** A production server with `env` on top of the test defaults, on its own fresh SQLite file (`dbFile`). */
export async function startAppServer(env: Record<string, string>): Promise<ScenarioServer & { dbFile: string }> {
  const from = PORTS.from + Number(process.env.TEST_PARALLEL_INDEX ?? 0) * PORTS.perWorker;
  const port = await freePort(from, from + PORTS.perWorker - 1);
  const dir = mkdtempSync(path.join(os.tmpdir(), "aftershock-e2e-scenario-"));
  const dbFile = path.join(dir, "scenario.db");
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => live.delete(child));

  let stopping: Promise<void> | null = null;
  const server: ScenarioServer & { dbFile: string } = {
    dbFile,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_MS);
          await exited;
          clearTimeout(timer);
        }
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };

  try {
    await waitForHealth(server.url, exited, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url: string, exited: Promise<void>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + START_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the scenario server exited before it was ready:\n${output()}`);
    const ok = await fetch(`${url}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the scenario server did not answer /api/health within ${START_MS / 1000} s:\n${output()}`);
}
