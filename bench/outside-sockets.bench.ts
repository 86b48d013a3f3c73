import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BENCHMARK } from "../domain/instruments";
import { type BenchChild, startChild } from "./child-process";
import type { ClientReport } from "./children/fanout-clients";
import { type LoadReport, planLoad } from "./children/offered-load";
import { scratchDir } from "./fixtures";
import { type BenchResult, median, result, skipped, trace } from "./harness";

// The outside load peer for the sockets: Artillery (a load tool no one here wrote) with its
// built-in Socket.IO engine (socket.io-client 4 inside @artilleryio/int-core 2.15, so it
// speaks the server's protocol v4) connects VIEWERS virtual users that subscribe as the
// dashboard does and count the ticks they get, beside VIEWERS of the project's own clients
// (bench/children/fanout-clients.ts) on the same server in the same window.
//
// Artillery is not a dependency: it pulls @playwright/browser-chromium, whose install script
// downloads a browser. It is installed on demand, pinned, with no install scripts, into a
// cache folder outside the repo's own node_modules tree of dependencies; 2.0.21 and later
// need Node 22.
const ARTILLERY = "2.0.20";
// Its dependency tree takes the newest `typescript` (7, which has no JS API) for a parser
// (typescript-estree 5) that needs 5: pinned beside it, else its commands fail to load.
const TYPESCRIPT = "5.9.3";
const SYMBOLS = ["005380.KS", "000270.KS", BENCHMARK];
const RATE = 500;
const VIEWERS = 100;
const WARM_UP_MS = 2_000;
const CONNECT_WAIT_MS = 120_000;
const INSTALL_MS = 8 * 60_000;
// A virtual user holds at most this long whatever happens (the loop is bounded).
const HOLD_MAX_MS = 180_000;

const repo = path.resolve(import.meta.dirname, "..");

function cacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg
    ? path.join(xdg, "aftershock-artillery")
    : path.join(repo, "node_modules", ".cache", "aftershock-artillery");
}

function installedVersion(dir: string, name: string): string | null {
  try {
    return (
      JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return null;
  }
}

interface Ran {
  code: number | null;
  output: string;
}

/** Starts a command, killed after `ms`; `done` is its end with its output tail. */
function launch(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; ms: number },
): { child: ChildProcess; done: Promise<Ran> } {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
  const done = new Promise<Ran>((resolve) => {
    let output = "";
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.ms);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${error.message}` });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
  return { child, done };
}

/** The path of Artillery's CLI, installing it first when needed; or why it cannot be had. */
async function ensureArtillery(): Promise<{ bin: string } | { why: string }> {
  const dir = cacheDir();
  const bin = path.join(dir, "node_modules", "artillery", "bin", "run");
  const ready = () =>
    installedVersion(dir, "artillery") === ARTILLERY && installedVersion(dir, "typescript") === TYPESCRIPT;
  if (ready()) return { bin };
  await mkdir(dir, { recursive: true });
  if (!existsSync(path.join(dir, "package.json")))
    await writeFile(path.join(dir, "package.json"), '{ "private": true }\n');
  trace(`outside sockets: installing artillery@${ARTILLERY} into ${dir}`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const install = await launch(
    npm,
    [
      "install",
      "--no-save",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `artillery@${ARTILLERY}`,
      `typescript@${TYPESCRIPT}`,
    ],
    { cwd: dir, env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" }, ms: INSTALL_MS },
  ).done;
  if (install.code !== 0 || !ready()) {
    const lines = install.output.trim().split("\n");
    const said =
      lines.find((line) => /^npm error (code|FetchError|[A-Z]+\b)/.test(line) && !/A complete log/.test(line)) ??
      lines.at(-1) ??
      "no output";
    return { why: `npm could not install artillery@${ARTILLERY} (exit ${install.code}: ${said.trim()})` };
  }
  return { bin };
}

// Runs inside Artillery's workers: counts each `ticks` batch that arrives in the measured
// window (written by the bench to AFTERSHOCK_WINDOW_FILE just before it publishes) and each
// tick's latency (receipt − the ts the server stamped when it published); holds until the
// bench writes AFTERSHOCK_DONE_FILE.
const PROCESSOR = `"use strict";
const fs = require("node:fs");
let window = null;
function measured() {
  if (window) return window;
  try { window = JSON.parse(fs.readFileSync(process.env.AFTERSHOCK_WINDOW_FILE, "utf8")); } catch { return null; }
  return window;
}
module.exports = {
  listen(context, events, next) {
    const socket = context.sockets[""];
    context.vars.holdUntil = Date.now() + ${HOLD_MAX_MS};
    socket.on("ticks", (batch) => {
      const now = Date.now();
      const w = measured();
      if (!w || now < w.from || now >= w.to) return;
      events.emit("counter", "aftershock.ticks_received", batch.length);
      for (const tick of batch) events.emit("histogram", "aftershock.tick_latency_ms", now - tick.ts);
    });
    // Not its own close when the scenario ends.
    socket.on("disconnect", (reason) => {
      if (reason !== "io client disconnect") events.emit("counter", "aftershock.disconnects", 1);
    });
    next();
  },
  holding(context, next) {
    next(!fs.existsSync(process.env.AFTERSHOCK_DONE_FILE) && Date.now() < context.vars.holdUntil);
  },
};
`;

function scenario(url: string, processor: string): unknown {
  return {
    config: {
      target: url,
      processor,
      // All arrive within 5 s, as the own clients connect in waves.
      phases: [{ duration: 5, arrivalCount: VIEWERS }],
      socketio: { transports: ["websocket"] },
      timeout: 30,
    },
    scenarios: [
      {
        engine: "socketio",
        flow: [
          { function: "listen" },
          // The dashboard's subscribe (app/lib/transport/tick-stream.ts), answered by an ack.
          {
            emit: { channel: "subscribe", data: { symbols: SYMBOLS } },
            acknowledge: { match: { json: "$.0.ok", value: true } },
          },
          { loop: [{ think: 1 }], whileTrue: "holding" },
        ],
      },
    ],
  };
}

/** Artillery could not run here (as opposed to the server or the own clients failing). */
class ArtilleryFailed extends Error {}

interface Summary {
  p50: number;
  p99: number;
  count: number;
}
interface ArtilleryReport {
  aggregate: { counters: Record<string, number>; summaries: Record<string, Summary> };
}

interface Figures {
  artilleryPerViewer: number;
  ownPerViewer: number;
  artilleryP50: number;
  artilleryP99: number;
  ownP50: number;
  ownP99: number;
  subscribeP99: number;
  completed: number;
  failed: number;
  errors: number;
  disconnects: number;
  published: number;
}

async function measureOnce(
  bin: string,
  server: BenchChild<{ url: string }>,
  own: BenchChild<object>,
  windowMs: number,
  dir: string,
): Promise<Figures> {
  const windowFile = path.join(dir, "window.json");
  const doneFile = path.join(dir, "done");
  const reportFile = path.join(dir, "report.json");
  await Promise.all([windowFile, doneFile, reportFile].map((f) => rm(f, { force: true })));
  const processor = path.join(dir, "processor.cjs");
  const script = path.join(dir, "scenario.json");
  await writeFile(processor, PROCESSOR);
  await writeFile(script, JSON.stringify(scenario(server.info.url, processor), null, 2));
  const before = (await server.request<{ viewers: number }>("memory")).viewers;
  const artillery = launch(process.execPath, [bin, "run", "--output", reportFile, script], {
    cwd: dir,
    env: {
      ...process.env,
      AFTERSHOCK_WINDOW_FILE: windowFile,
      AFTERSHOCK_DONE_FILE: doneFile,
      ARTILLERY_DISABLE_TELEMETRY: "true",
      DO_NOT_TRACK: "1",
    },
    ms: CONNECT_WAIT_MS + HOLD_MAX_MS,
  });
  let exited = false;
  void artillery.done.then(() => (exited = true));
  try {
    const deadline = Date.now() + CONNECT_WAIT_MS;
    for (;;) {
      const { viewers } = await server.request<{ viewers: number }>("memory");
      if (viewers >= before + VIEWERS) break;
      if (exited)
        throw new ArtilleryFailed(
          `artillery exited before its ${VIEWERS} viewers connected:\n${(await artillery.done).output}`,
        );
      if (Date.now() > deadline)
        throw new ArtilleryFailed(
          `only ${viewers - before} of artillery's ${VIEWERS} viewers connected within ${CONNECT_WAIT_MS / 1000} s`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    // Subscribed a moment after connecting; the warm-up covers that.
    const plan = planLoad({ rate: RATE, symbols: SYMBOLS, leadMs: 300, warmUpMs: WARM_UP_MS, windowMs });
    await writeFile(windowFile, JSON.stringify({ from: plan.measureFrom, to: plan.measureTo }));
    const [load, seen] = await Promise.all([
      server.request<LoadReport>("publish", plan),
      own.request<ClientReport>("measure", { from: plan.measureFrom, to: plan.measureTo }),
    ]);
    await writeFile(doneFile, "");
    const finished = await artillery.done;
    if (finished.code !== 0) throw new ArtilleryFailed(`artillery exited ${finished.code}:\n${finished.output}`);
    const { counters, summaries } = (JSON.parse(await readFile(reportFile, "utf8")) as ArtilleryReport).aggregate;
    trace(
      `outside sockets: artillery counters ${JSON.stringify(counters)}, own ${JSON.stringify(seen)}, server ${JSON.stringify(load)}`,
    );
    const latency = summaries["aftershock.tick_latency_ms"];
    const errors = Object.entries(counters)
      .filter(([name]) => name.startsWith("errors."))
      .reduce((n, [, v]) => n + v, 0);
    return {
      artilleryPerViewer: ((counters["aftershock.ticks_received"] ?? 0) * 1000) / windowMs / VIEWERS,
      ownPerViewer: seen.delivered / VIEWERS,
      artilleryP50: latency?.p50 ?? Number.NaN,
      artilleryP99: latency?.p99 ?? Number.NaN,
      ownP50: seen.p50 ?? Number.NaN,
      ownP99: seen.p99 ?? Number.NaN,
      subscribeP99: summaries["socketio.response_time"]?.p99 ?? Number.NaN,
      completed: counters["vusers.completed"] ?? 0,
      failed: counters["vusers.failed"] ?? 0,
      errors,
      disconnects: counters["aftershock.disconnects"] ?? 0,
      published: load.published,
    };
  } finally {
    await writeFile(doneFile, "").catch(() => undefined);
    // Its viewers leave within a second of the done file; a run that hangs is ended.
    const ended = await Promise.race([
      artillery.done.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 30_000)),
    ]);
    if (!ended) {
      artillery.child.kill("SIGKILL");
      await artillery.done;
    }
  }
}

/**
 * Socket.IO fan-out driven by an outside tool: VIEWERS Artillery virtual users and VIEWERS
 * of the project's own clients on one app server at RATE ticks/s, measured in the same windows.
 */
export async function benchOutsideSockets(quick: boolean): Promise<BenchResult[]> {
  const what = `${VIEWERS} Artillery ${ARTILLERY} socketio viewers beside ${VIEWERS} own clients, ${RATE} ticks/s offered`;
  const skip = (why: string) => [skipped(`outside peer (sockets): ${what}`, "ticks/s per viewer", why)];
  if (process.env.BENCH_NO_ARTILLERY) return skip("BENCH_NO_ARTILLERY is set");
  const got = await ensureArtillery();
  if ("why" in got) return skip(got.why);
  const windowMs = quick ? 5_000 : 10_000;
  const runs = quick ? 1 : 3;
  const dir = scratchDir();
  const started: BenchChild<unknown>[] = [];
  const samples: Figures[] = [];
  try {
    const server = await startChild<{ url: string }>("app-server.ts");
    started.push(server);
    const own = await startChild<object>("fanout-clients.ts");
    started.push(own);
    await own.request("connect", {
      kind: "socket.io",
      url: server.info.url,
      symbols: SYMBOLS,
      count: VIEWERS,
      firstAddress: 0,
    });
    for (let i = 0; i < runs; i++) {
      try {
        samples.push(await measureOnce(got.bin, server, own, windowMs, dir));
      } catch (error) {
        if (!(error instanceof ArtilleryFailed)) throw error;
        trace(`outside sockets: ${error.message}`);
        return skip(error.message.split("\n")[0]!);
      }
      trace(`outside sockets: run ${i + 1}: ${JSON.stringify(samples.at(-1))} (load ${os.loadavg()[0]!.toFixed(1)})`);
    }
  } finally {
    await Promise.all(started.map((child) => child.stop()));
    await rm(dir, { recursive: true, force: true });
  }
  const mid = (pick: (f: Figures) => number) => median(samples.map(pick));
  const sum = (pick: (f: Figures) => number) => samples.reduce((n, f) => n + pick(f), 0);
  const tally =
    ` [Artillery over ${runs} run(s): ${sum((f) => f.completed)} vusers completed, ${sum((f) => f.failed)} failed, ` +
    `${sum((f) => f.errors)} errors, ${sum((f) => f.disconnects)} disconnects; server published ${Math.round(mid((f) => f.published))} ticks/s]`;
  return [
    result(
      `outside peer (sockets): ticks received/s per viewer, ${what}, ${windowMs / 1000} s × ${runs}${tally}`,
      mid((f) => f.artilleryPerViewer),
      "ticks/s",
      {
        name: "own clients (socket.io-client), same server and window",
        value: mid((f) => f.ownPerViewer),
      },
    ),
    result(
      "outside peer (sockets): latency p50, publish → receipt (Artillery's histogram)",
      mid((f) => f.artilleryP50),
      "ms",
      {
        name: "own clients p50",
        value: mid((f) => f.ownP50),
      },
    ),
    result(
      "outside peer (sockets): latency p99 (Artillery's histogram)",
      mid((f) => f.artilleryP99),
      "ms",
      {
        name: "own clients p99",
        value: mid((f) => f.ownP99),
      },
    ),
    result(
      "outside peer (sockets): subscribe acknowledged, p99 (Artillery's socketio.response_time)",
      mid((f) => f.subscribeP99),
      "ms",
    ),
  ];
}
