// An outside load peer for the HTTP API (not part of `npm run bench`):
//   node --import tsx bench/outside-http.ts [--seconds 10] [--connections 10]
// A real server process with the simulated feed running (FEED_SPEED 300) on a temp SQLite
// file; autocannon (a load tool no one here wrote) drives GET /api/ticks and
// GET /api/health, then the project's own client (fetch, the same connections kept busy)
// drives the same requests for the same time, so the two figures sit side by side.
// The Socket.IO side (Artillery 2.0.20) is bench/outside-sockets.bench.ts, in `npm run bench`.
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { quantile } from "simple-statistics";
import { freePort, serverEnv } from "../test/support/spawn-node";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "10" } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const port = await freePort();
const dbFile = path.join(os.tmpdir(), `aftershock-outside-${process.pid}.db`);
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  cwd: path.resolve(import.meta.dirname, ".."),
  env: serverEnv(port, { DATABASE_URL: `file:${dbFile}`, FEED: "simulate", FEED_SPEED: "300" }),
  stdio: ["ignore", "ignore", "inherit"],
});

const TARGETS = [
  {
    name: "GET /api/ticks (100 newest of 005380.KS)",
    path: "/api/ticks?symbol=005380.KS&from=2025-10-22T00:00:00Z&limit=100",
  },
  { name: "GET /api/health", path: "/api/health" },
];

async function ownClient(target: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const end = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        const res = await fetch(`${url}${target}`).catch(() => null);
        await res?.arrayBuffer();
        if (res?.ok) latencies.push(performance.now() - started);
        else errors++;
      }
    }),
  );
  return { rps: latencies.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors };
}

try {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const res = await fetch(`${url}/api/health`).catch(() => null);
    if (res?.ok) break;
    if (Date.now() > deadline) throw new Error("the server did not come up within 180 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    `outside peer: ${connections} connections, ${seconds} s each, feed running at FEED_SPEED 300; load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (const target of TARGETS) {
    const result = await autocannon({ url: `${url}${target.path}`, connections, duration: seconds });
    const own = await ownClient(target.path);
    console.log(
      `  ${target.name}: autocannon ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${result.non2xx + result.errors} errors | own client (fetch) ${own.rps.toFixed(0)} req/s, p50 ${own.p50.toFixed(1)} ms, p99 ${own.p99.toFixed(1)} ms, ${own.errors} errors`,
    );
  }
  console.log(`  load average at the end: ${os.loadavg()[0]!.toFixed(1)}`);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await Promise.all(["", "-wal", "-shm"].map((s) => rm(`${dbFile}${s}`, { force: true })));
}
