import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const children = path.join(path.dirname(fileURLToPath(import.meta.url)), "children");
const OUTPUT_TAIL = 8_000;
const START_MS = 120_000;
const STOP_MS = 10_000;

/** Messages between a bench and its children (IPC, JSON). */
export type ChildMessage =
  | { type: "ready"; info: unknown }
  | { type: "reply"; id: number; ok: true; result: unknown }
  | { type: "reply"; id: number; ok: false; error: string };
export interface RequestMessage {
  type: "request";
  id: number;
  cmd: string;
  args: unknown;
}

/** A bench helper process (server or clients), driven by requests over IPC. */
export interface BenchChild<Info> {
  info: Info;
  request<T>(cmd: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** Asks the child to close and exit; kills it when it does not. Safe to call twice. */
  stop(): Promise<void>;
}

// Last line of defence: whatever happens to the bench, no child outlives it. (A child also
// exits by itself when its IPC channel closes, which covers the bench being killed.)
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/**
 * Forks `bench/children/<script>` under tsx (with `nodeArgs` for Node, e.g. `--expose-gc`)
 * and waits for it to say it is ready.
 * `BENCH_CPU_PROF=DIR` makes every child write a V8 CPU profile into DIR when it exits.
 */
export async function startChild<Info>(
  script: string,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<BenchChild<Info>> {
  const profDir = process.env.BENCH_CPU_PROF;
  const child = fork(path.join(children, script), args, {
    execArgv: ["--import", "tsx", ...nodeArgs, ...(profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [])],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  live.add(child);
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => live.delete(child));

  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(`${script}: ${why}\n${output}`));
    pending.clear();
  };
  let markReady: (info: Info) => void;
  const ready = new Promise<Info>((resolve) => (markReady = resolve));
  child.on("message", (raw) => {
    const message = raw as ChildMessage;
    if (message.type === "ready") return markReady(message.info as Info);
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.result);
    else waiting?.reject(new Error(`${script}: ${message.error}`));
  });
  child.once("exit", (code, signal) => failAll(`exited (${signal ?? code})`));

  let startTimer: NodeJS.Timeout | undefined;
  const info = await Promise.race([
    ready,
    exited.then(() => Promise.reject(new Error(`${script} exited before it was ready:\n${output}`))),
    new Promise<never>((_, reject) => {
      startTimer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`${script} was not ready within ${START_MS} ms:\n${output}`));
      }, START_MS);
    }),
  ]).finally(() => clearTimeout(startTimer));

  let stopping: Promise<void> | null = null;
  return {
    info,
    request<T>(cmd: string, args: unknown = {}, timeoutMs = 120_000): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${script}: no answer to ${cmd} within ${timeoutMs} ms\n${output}`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v as T)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        child.send({ type: "request", id, cmd, args } satisfies RequestMessage);
      });
    },
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        if (child.connected) child.send({ type: "request", id: 0, cmd: "exit", args: {} } satisfies RequestMessage);
        const timer = setTimeout(() => child.kill("SIGKILL"), STOP_MS);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

type Handler = (args: never) => Promise<unknown>;

/**
 * The child's side: answers requests with `handlers`, exits on `exit` (after `cleanup`) or
 * as soon as the bench that forked it goes away.
 */
export function serveBench(info: unknown, handlers: Record<string, Handler>, cleanup: () => Promise<void>): void {
  const send = (message: ChildMessage) => process.send?.(message);
  let exiting = false;
  const exit = async () => {
    if (exiting) return;
    exiting = true;
    // A cleanup that hangs must not keep the child alive: the bench is waiting for it.
    setTimeout(() => process.exit(1), 5_000).unref();
    await cleanup().catch(() => undefined);
    process.exit(0);
  };
  process.on("disconnect", () => void exit());
  process.on("message", (raw) => {
    const { id, cmd, args } = raw as RequestMessage;
    if (cmd === "exit") {
      void exit();
      return;
    }
    const handler = handlers[cmd];
    if (!handler) {
      send({ type: "reply", id, ok: false, error: `unknown command ${cmd}` });
      return;
    }
    handler(args as never).then(
      (result) => send({ type: "reply", id, ok: true, result }),
      (error: unknown) => send({ type: "reply", id, ok: false, error: (error as Error).stack ?? String(error) }),
    );
  });
  send({ type: "ready", info });
}
