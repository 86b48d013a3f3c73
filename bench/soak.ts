// A bounded soak run (not part of the test suite):
//   node --import tsx bench/soak.ts [--minutes 30] [--clients 200] [--rate 200] [--speed S]
// A real server process on a temp SQLite file, a feed of about --rate ticks/s, and
// --clients Socket.IO viewers in a separate process, each subscribed to every symbol and
// keeping its stream gapless with resume. Every 10 s: the server's memory, its event-loop
// delay as seen from outside (GET /api/health round trips), ticks delivered, missed seqs.
import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mean as meanOf, quantile as quantileOf } from "simple-statistics";
import type { Instrument } from "../contract/model";
import { ResumingClient } from "../test/integration/robustness/resuming-client";
import type { ClientTotals, FromClients, SoakClientsOptions, ToClients } from "./soak-clients";
import { residentBytes } from "./soak-proc";
import { startSoakServer } from "./soak-server";

const WINDOW_MS = 10_000;
const HEALTH_EVERY_MS = 100;
// The clients process answers a report between its own work: on a loaded machine (load 17
// was seen) that took over 10 s and ended a 30-minute run a quarter of the way in.
const REPORT_WAIT_MS = 90_000;
// Ticks per wall second per unit of FEED_SPEED with the shipped instruments, averaged over
// whole sessions (measured here: 1.57; near the open it is higher, about 2.2). The run
// prints the rate it actually got.
const TICKS_PER_SPEED = 1.6;

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    clients: { type: "string", default: "200" },
    rate: { type: "string", default: "200" },
    speed: { type: "string" },
  },
});
const minutes = positive("minutes", values.minutes);
const clientCount = Math.round(positive("clients", values.clients));
const rate = positive("rate", values.rate);
const speed = values.speed === undefined ? rate / TICKS_PER_SPEED : positive("speed", values.speed);

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`soak: --${name} must be a positive number, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number | null | undefined) => (bytes == null ? Number.NaN : bytes / 1024 / 1024);
// simple-statistics throws on an empty sample; a window without one prints "n/a".
const quantile = (values: readonly number[], q: number) =>
  values.length > 0 ? quantileOf([...values], q) : Number.NaN;
const mean = (values: readonly number[]) => (values.length > 0 ? meanOf([...values]) : Number.NaN);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

/** The next message of `type` from the clients process, after sending `message`. */
function ask<T extends FromClients["type"]>(
  child: ChildProcess,
  message: ToClients | null,
  type: T,
  timeoutMs: number,
): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off("message", listen);
      reject(new Error(`no "${type}" from the clients process within ${timeoutMs} ms`));
    }, timeoutMs);
    const listen = (reply: FromClients) => {
      if (reply.type !== type) return;
      clearTimeout(timer);
      child.off("message", listen);
      resolve(reply as Extract<FromClients, { type: T }>);
    };
    child.on("message", listen);
    if (message) child.send(message);
  });
}

interface Window {
  t: number;
  rss: number;
  heap: number;
  healthMs: number[];
  feedRate: number;
  delivered: number;
  totals: ClientTotals;
}

const dbFile = path.join(os.tmpdir(), `aftershock-soak-${process.pid}.db`);
// Other processes competing for the CPU move every latency figure here: say how busy it was.
const machine = () => `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`;
console.log(
  `soak: ${minutes} min, ${clientCount} clients, target ${rate} ticks/s (FEED_SPEED ${fixed(speed, 1)}); machine: ${machine()}`,
);
const server = await startSoakServer({
  DATABASE_URL: `file:${dbFile}`,
  FEED: "simulate",
  FEED_SEED: "42",
  FEED_SPEED: String(speed),
});
let clients: ChildProcess | null = null;
let monitor: ResumingClient | null = null;

try {
  const symbols = ((await (await fetch(`${server.url}/api/instruments`)).json()) as Instrument[]).map((i) => i.symbol);
  // The feed's own rate, counted by one more client in this process.
  monitor = new ResumingClient(server.url, symbols, { keepTicks: false });
  await monitor.start();
  const monitorTicks = () => monitor!.stats.live + monitor!.stats.resumed;

  const options: SoakClientsOptions = { url: server.url, clients: clientCount, symbols };
  clients = spawn(process.execPath, ["--import", "tsx", "bench/soak-clients.ts", JSON.stringify(options)], {
    cwd: path.resolve(import.meta.dirname, ".."),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await ask(clients, null, "ready", 180_000);
  console.log(
    `soak: server pid ${server.pid}, clients pid ${clients.pid}: ${clientCount} clients subscribed in ${fixed(ready.ms / 1000)} s`,
  );

  // Health round trips, one at a time: a slow answer means a busy event loop.
  let sampling = true;
  let healthWindow: number[] = [];
  const healthAll: number[] = [];
  const sampler = (async () => {
    while (sampling) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
      await res?.arrayBuffer();
      const ms = performance.now() - started;
      if (res?.ok) {
        healthWindow.push(ms);
        healthAll.push(ms);
      }
      await sleep(Math.max(0, HEALTH_EVERY_MS - ms));
    }
  })();

  const windows: Window[] = [];
  const start = performance.now();
  const end = start + minutes * 60_000;
  let last = {
    at: start,
    monitor: monitorTicks(),
    totals: (await ask(clients, { type: "report" }, "totals", REPORT_WAIT_MS)).totals,
  };
  let lastServerCpu = server.heap()?.cpuMicros ?? 0;
  console.log(
    "    t    rss MB  heap MB  health p50/p99 ms   feed/s  delivered/s  per client  gaps  missed  connected  cpu server/clients",
  );
  // Windows end on fixed marks from the start, so time spent reporting does not drift them;
  // a last stretch shorter than a second is not worth a line.
  for (let mark = start + WINDOW_MS; mark - WINDOW_MS < end - 1_000; mark += WINDOW_MS) {
    await sleep(Math.min(mark, end) - performance.now());
    const now = performance.now();
    const totals = (await ask(clients, { type: "report" }, "totals", REPORT_WAIT_MS)).totals;
    const seconds = (now - last.at) / 1000;
    const serverCpu = server.heap()?.cpuMicros ?? 0;
    const w: Window = {
      t: (now - start) / 1000,
      rss: mb(residentBytes(server.pid)),
      heap: mb(server.heap()?.heapUsed),
      healthMs: healthWindow,
      feedRate: (monitorTicks() - last.monitor) / seconds,
      delivered: (totals.live + totals.resumed - last.totals.live - last.totals.resumed) / seconds,
      totals,
    };
    healthWindow = [];
    windows.push(w);
    console.log(
      [
        fixed(w.t, 0).padStart(5),
        fixed(w.rss).padStart(9),
        fixed(w.heap).padStart(8),
        `${fixed(quantile(w.healthMs, 0.5), 2)} / ${fixed(quantile(w.healthMs, 0.99), 2)}`.padStart(18),
        fixed(w.feedRate, 0).padStart(8),
        fixed(w.delivered, 0).padStart(12),
        fixed(w.delivered / clientCount, 0).padStart(11),
        String(totals.gaps - last.totals.gaps).padStart(5),
        String(totals.missedSeqs - last.totals.missedSeqs).padStart(7),
        `${totals.connected}/${clientCount}`.padStart(10),
        `${fixed(((serverCpu - lastServerCpu) / 1e6 / seconds) * 100, 0)}% / ${fixed(((totals.cpuMicros - last.totals.cpuMicros) / 1e6 / seconds) * 100, 0)}%`.padStart(
          19,
        ),
      ].join(" "),
    );
    last = { at: now, monitor: monitorTicks(), totals };
    lastServerCpu = serverCpu;
  }

  // Everyone catches up to where the feed is now: nothing may be left missing.
  const targets = Object.fromEntries(symbols.map((s) => [s, monitor!.range(s)?.last ?? 0]));
  const final = await ask(clients, { type: "finish", targets }, "final", 300_000);
  sampling = false;
  await sampler;

  const elapsed = (performance.now() - start) / 1000;
  const duration = windows.at(-1)?.t ?? elapsed;
  // The first and the last minute (or, in a short run, the first and last half).
  const span = Math.max(1, Math.min(Math.floor(windows.length / 2), Math.round(60_000 / WINDOW_MS)));
  const first = windows.slice(0, span);
  const lastMinute = windows.slice(-span);
  const edge = (span * WINDOW_MS) / 1000;
  const growth = (pick: (w: Window) => number) => mean(lastMinute.map(pick)) - mean(first.map(pick));
  const t = final.totals;
  console.log(
    [
      "",
      `soak summary (${fixed(duration / 60, 2)} min, ${clientCount} clients, FEED_SPEED ${fixed(speed, 1)}):`,
      `  feed rate: ${fixed((monitor.stats.live + monitor.stats.resumed) / elapsed, 0)} ticks/s on average (target ${rate})`,
      `  server memory: RSS ${fixed(mean(first.map((w) => w.rss)))} MB in the first ${fixed(edge, 0)} s -> ${fixed(mean(lastMinute.map((w) => w.rss)))} MB in the last ${fixed(edge, 0)} s (growth ${fixed(growth((w) => w.rss))} MB); heap used growth ${fixed(growth((w) => w.heap))} MB; peak RSS ${fixed(Math.max(...windows.map((w) => w.rss)))} MB`,
      `  event-loop delay seen from outside (GET /api/health, ${healthAll.length} samples): p50 ${fixed(quantile(healthAll, 0.5), 2)} ms, p99 ${fixed(quantile(healthAll, 0.99), 2)} ms, max ${fixed(quantile(healthAll, 1), 1)} ms`,
      `  delivered: ${(t.live + t.resumed).toLocaleString("en-US")} ticks (${fixed((t.live + t.resumed) / elapsed, 0)}/s, ${fixed((t.live + t.resumed) / elapsed / clientCount, 0)}/s per client); ${t.resumed.toLocaleString("en-US")} of them through resume`,
      `  missed seqs: ${t.missedSeqs} in ${t.gaps} gaps (all filled by resume); reconnects ${t.connects - clientCount}; clients still behind after the final resume: ${final.behind}`,
      `  machine at the end: ${machine()}`,
    ].join("\n"),
  );
  if (final.behind > 0) process.exitCode = 1;
} finally {
  monitor?.close();
  if (clients && clients.exitCode === null) {
    clients.kill("SIGTERM");
    await new Promise((resolve) => clients!.once("exit", resolve));
  }
  await server.stop();
  await Promise.all(["", "-wal", "-shm"].map((suffix) => rm(`${dbFile}${suffix}`, { force: true })));
}
