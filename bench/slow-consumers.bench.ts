import { BENCHMARK } from "../domain/instruments";
import { type BenchChild, startChild } from "./child-process";
import type { ClientReport } from "./children/fanout-clients";
import { type LoadReport, planLoad } from "./children/offered-load";
import { type BenchResult, result, trace } from "./harness";

const SYMBOLS = ["005380.KS", "000270.KS", BENCHMARK];
// The feed at 3000x: about 4,500 ticks/s over the three symbols.
const RATE = 4_500;
const STALLED = 20;
const VIEWERS = 50;
const WARM_UP_MS = 3_000;
const SAMPLE_EVERY_MS = 1_000;
const MB = 1024 * 1024;

interface Memory {
  rss: number;
  heapUsed: number;
  viewers: number;
  queued: number;
}

interface Phase {
  rssGrowthMb: number;
  /** The most bytes queued for viewers at any sample. */
  queuedPeakKb: number;
  p99: number;
  viewersLeft: number;
  published: number;
}

/**
 * Slow consumers: STALLED viewers that subscribe and then stop reading (TCP paused) while
 * the server publishes RATE ticks/s, beside VIEWERS that read. The app with its bound on what
 * may wait for one viewer, against the same app without it; and the reading viewers' p99
 * with no stalled viewers at all, measured on the same server just before.
 */
export async function benchSlowConsumers(quick: boolean): Promise<BenchResult[]> {
  const phaseMs = quick ? 15_000 : 60_000;
  const calmMs = quick ? 5_000 : 10_000;
  const started: BenchChild<unknown>[] = [];
  const start = async <T>(script: string, args: string[] = []) => {
    const child = await startChild<T>(script, args);
    started.push(child);
    return child;
  };
  try {
    const measure = async (unbounded: boolean) => {
      const server = await start<{ url: string }>("app-server.ts", unbounded ? ["--unbounded"] : []);
      const [viewers, stalled] = await Promise.all([start<object>("fanout-clients.ts"), start<object>("fanout-clients.ts")]);
      const connect = { kind: "socket.io", url: server.info.url, symbols: SYMBOLS };
      await viewers.request("connect", { ...connect, count: VIEWERS, firstAddress: 0 });
      // Both servers first carry the load with no stalled viewer (the latency baseline).
      const calm = await phase(server, viewers, calmMs);
      await stalled.request("connect", { ...connect, count: STALLED, firstAddress: VIEWERS, stall: true });
      const loaded = await phase(server, viewers, phaseMs);
      trace(`slow consumers (${unbounded ? "unbounded" : "bounded"}): calm ${JSON.stringify(calm)}, stalled ${JSON.stringify(loaded)}`);
      await Promise.all([server, viewers, stalled].map((child) => child.stop()));
      return { calm, loaded };
    };
    const bounded = await measure(false);
    const unbounded = await measure(true);
    const what = `${STALLED} stalled viewers, ${RATE.toLocaleString("en-US")} ticks/s offered, ${phaseMs / 1000} s`;
    return [
      result(`slow consumers: most bytes queued for viewers at once, ${what} (bounded)`, bounded.loaded.queuedPeakKb, "KB", {
        name: "the same server without the bound",
        value: unbounded.loaded.queuedPeakKb,
      }),
      // RSS also grows with what connection state recovery keeps (2 minutes of packets),
      // stalled viewers or not: the calm phase shows that part.
      result(`slow consumers: server RSS growth over the calm phase (no stalled viewer, ${calmMs / 1000} s)`, bounded.calm.rssGrowthMb, "MB"),
      result(`slow consumers: server RSS growth with ${what} (bounded)`, bounded.loaded.rssGrowthMb, "MB", {
        name: "the same server without the bound",
        value: unbounded.loaded.rssGrowthMb,
      }),
      // Without the bound the stalled viewers also go, after Engine.IO's ping timeout (45 s),
      // having queued all the while; with it, any viewer a megabyte behind goes, a starved
      // reading one included.
      result(`slow consumers: viewers connected at the end, of ${VIEWERS} reading + ${STALLED} stalled (bounded)`, bounded.loaded.viewersLeft, "viewers", {
        name: "without the bound",
        value: unbounded.loaded.viewersLeft,
      }),
      result(`slow consumers: latency p99 of ${VIEWERS} reading viewers beside the stalled ones (bounded)`, bounded.loaded.p99, "ms", {
        name: "the same viewers with no stalled viewer",
        value: bounded.calm.p99,
      }),
    ];
  } finally {
    await Promise.all(started.map((child) => child.stop()));
  }
}

async function phase(server: BenchChild<{ url: string }>, viewers: BenchChild<object>, ms: number): Promise<Phase> {
  const plan = planLoad({ rate: RATE, symbols: SYMBOLS, leadMs: 200, warmUpMs: WARM_UP_MS, windowMs: ms });
  const samples: Memory[] = [];
  const sampler = (async () => {
    await sleep(plan.measureFrom - Date.now());
    while (Date.now() < plan.measureTo) {
      samples.push(await server.request<Memory>("memory"));
      await sleep(SAMPLE_EVERY_MS);
    }
    samples.push(await server.request<Memory>("memory"));
  })();
  const [load, seen] = await Promise.all([
    server.request<LoadReport>("publish", plan),
    viewers.request<ClientReport>("measure", { from: plan.measureFrom, to: plan.measureTo }),
    sampler,
  ]);
  const first = samples[0]!;
  const peak = Math.max(...samples.map((s) => s.rss));
  return {
    rssGrowthMb: Number(((peak - first.rss) / MB).toFixed(1)),
    queuedPeakKb: Math.round(Math.max(...samples.map((s) => s.queued)) / 1024),
    p99: seen.p99 ?? Number.NaN,
    viewersLeft: samples.at(-1)!.viewers,
    published: load.published,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
