import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Health } from "../../contract/model";
import { waitFor } from "./wait-for";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A server running as its own process, as `npm start` runs it (without the pages). */
export interface NodeProcess {
  url: string;
  child: ChildProcess;
  log: () => string;
  health(): Promise<Health | null>;
  /** SIGKILL: no shutdown code runs, as in a crash. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The environment a server child of a test or a benchmark runs with: production mode, the
 * API without the pages, loopback, quiet logs; `env` adds or overrides.
 */
export function serverEnv(port: number, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    SERVE_PAGES: "false",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "warn",
    ...env,
  };
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `server/index.ts` with `env` and waits until it answers its health check. */
export async function spawnNode(env: Record<string, string>): Promise<NodeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: serverEnv(port, env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const node: NodeProcess = {
    url,
    child,
    log: () => output,
    async health() {
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        return res.ok ? ((await res.json()) as Health) : null;
      } catch {
        return null;
      }
    },
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
  await waitFor(
    `node on port ${port} to answer /api/health\n${output}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`node exited with ${child.exitCode}:\n${output}`);
      return node.health();
    },
    { timeoutMs: 60_000, everyMs: 200 },
  );
  return node;
}
