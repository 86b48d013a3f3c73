import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, serverEnv } from "../test/support/spawn-node";
import { waitFor } from "../test/support/wait-for";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What the server's probe reports each second. */
export interface HeapReport {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** CPU time used so far, user + system (/proc's counters read zero on some VMs). */
  cpuMicros: number;
}

export interface SoakServer {
  url: string;
  pid: number;
  /** The latest heap report, or null before the first. */
  heap(): HeapReport | null;
  stop(): Promise<void>;
}

/**
 * `server/index.ts` as `npm start` runs it (production, without pages), with the heap probe
 * preloaded and an IPC channel for it; its pid is the server's own.
 */
export async function startSoakServer(env: Record<string, string>): Promise<SoakServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./bench/soak-probe.ts", "server/index.ts"],
    {
      cwd: root,
      env: serverEnv(port, env),
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  let heap: HeapReport | null = null;
  let output = "";
  child.on("message", (message: { type?: string } & HeapReport) => {
    if (message.type === "memory") heap = message;
  });
  // Warnings are worth seeing live (rate limits, failed writes); keep the tail for errors.
  const keep = (chunk: Buffer) => {
    process.stderr.write(`[server] ${chunk.toString()}`);
    output = (output + chunk.toString()).slice(-10_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `the soak server to answer on ${url}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      return fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { timeoutMs: 120_000, everyMs: 200 },
  );
  return {
    url,
    pid: child.pid!,
    heap: () => heap,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
