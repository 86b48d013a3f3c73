import os from "node:os";
import { BENCHMARK } from "../domain/instruments";
import { type BenchChild, startChild } from "./child-process";
import type { ClientReport } from "./children/fanout-clients";
import { type LoadReport, planLoad } from "./children/offered-load";
import { type BenchResult, median, result, trace } from "./harness";

const SYMBOLS = ["005380.KS", "000270.KS", BENCHMARK];
// The feed at 3000x: about 4,500 ticks/s over the three symbols.
const RATE = 4_500;
const STALLED = 20;
// Few reading viewers, in a process of their own that has nothing else to do: their latency
// (receipt − the tick's publish time) is then the server's, not a starved client's queue.
const READERS = 10;
const WARM_UP_MS = 3_000;
const SAMPLE_EVERY_MS = 1_000;
const GC_LEAD_MS = 500;
const KB = 1024;

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  viewers: number;
  queued: number;
}

type Arrangement = "control" | "stalled" | "unbounded";

interface Phase {
  /** Heap used after a full GC just after the feed stops. */
  heapEndKb: number;
  /** After a full GC, from the end of the warm-up to just after the feed stops. */
  heapGrowthKb: number;
  rssGrowthKb: number;
  externalGrowthKb: number;
  /** The most bytes queued for viewers at any sample. */
  queuedPeakKb: number;
  p50: number;
  p99: number;
  /** Viewers still connected when the feed stops (the readers, plus any stalled one left). */
  viewersLeft: number;
  published: number;
}

/**
 * Slow consumers. Each phase is a fresh app server (started with `--expose-gc`, so its memory
 * is read after a full collection: near the end of the warm-up and when the feed stops)
 * carrying RATE ticks/s for the same time to READERS viewers
 * that read, in one of three arrangements:
 * - control: nobody else. Its growth is what the feed alone costs, mostly connection state
 *   recovery's 2-minute buffer of packets filling; it is the baseline.
 * - stalled: STALLED viewers more, that subscribe and then stop reading (TCP paused).
 * - unbounded: the same, on a server without the per-viewer bound (once: what the bound saves).
 * Control and stalled run `runs` times each, interleaved (ABBA), and report medians.
 */
export async function benchSlowConsumers(quick: boolean): Promise<BenchResult[]> {
  const phaseMs = quick ? 15_000 : 60_000;
  const runs = quick ? 1 : 3;
  const phases: Record<Arrangement, Phase[]> = { control: [], stalled: [], unbounded: [] };
  for (let round = 0; round < runs; round++) {
    const order: Arrangement[] = round % 2 === 0 ? ["control", "stalled"] : ["stalled", "control"];
    for (const arrangement of order) phases[arrangement].push(await phase(arrangement, phaseMs));
  }
  phases.unbounded.push(await phase("unbounded", phaseMs));

  const mid = (arrangement: Arrangement, pick: (p: Phase) => number) => median(phases[arrangement].map(pick));
  const what = `${STALLED} stalled + ${READERS} reading viewers, ${RATE.toLocaleString("en-US")} ticks/s offered, ${phaseMs / 1000} s`;
  const control = {
    name: `control: the same feed, time and ${READERS} readers, no stalled viewer (median of ${runs})`,
    pick: "control" as const,
  };
  const vsControl = (pick: (p: Phase) => number) => ({ name: control.name, value: mid("control", pick) });
  const unbounded = phases.unbounded[0]!;
  return [
    result(
      `slow consumers: server heap used after a full GC when the feed stops, ${what} (bounded, median of ${runs})`,
      mid("stalled", (p) => p.heapEndKb),
      "KB",
      vsControl((p) => p.heapEndKb),
    ),
    result(
      `slow consumers: server heap used growth over the window, after a full GC at each end, ${what} (bounded)`,
      mid("stalled", (p) => p.heapGrowthKb),
      "KB",
      vsControl((p) => p.heapGrowthKb),
    ),
    result(
      `slow consumers: server RSS growth over the window, after a full GC at each end (bounded)`,
      mid("stalled", (p) => p.rssGrowthKb),
      "KB",
      vsControl((p) => p.rssGrowthKb),
    ),
    result(
      `slow consumers: server external + array-buffer memory growth over the window (bounded)`,
      mid("stalled", (p) => p.externalGrowthKb),
      "KB",
      vsControl((p) => p.externalGrowthKb),
    ),
    result(
      `slow consumers: server heap used growth over the window, the same stalled viewers without the bound (1 run)`,
      unbounded.heapGrowthKb,
      "KB",
      vsControl((p) => p.heapGrowthKb),
    ),
    result(
      `slow consumers: most bytes queued for viewers at once, ${what} (bounded)`,
      mid("stalled", (p) => p.queuedPeakKb),
      "KB",
      {
        name: "the same stalled viewers without the bound (1 run)",
        value: unbounded.queuedPeakKb,
      },
    ),
    result(
      `slow consumers: latency p50 of the ${READERS} reading viewers (own process), publish → receipt, beside the stalled ones`,
      mid("stalled", (p) => p.p50),
      "ms",
      vsControl((p) => p.p50),
    ),
    result(
      `slow consumers: latency p99 of the ${READERS} reading viewers beside the stalled ones`,
      mid("stalled", (p) => p.p99),
      "ms",
      vsControl((p) => p.p99),
    ),
    // With the bound the stalled viewers are cut within seconds; without it they stay
    // connected until Engine.IO's ping timeout, queueing all the while.
    result(
      `slow consumers: viewers connected when the feed stops, of ${READERS} reading + ${STALLED} stalled (bounded)`,
      mid("stalled", (p) => p.viewersLeft),
      "viewers",
      {
        name: "without the bound (1 run)",
        value: unbounded.viewersLeft,
      },
    ),
  ];
}

async function phase(arrangement: Arrangement, ms: number): Promise<Phase> {
  const started: BenchChild<unknown>[] = [];
  const start = async <T>(script: string, args: string[] = [], nodeArgs: string[] = []) => {
    const child = await startChild<T>(script, args, nodeArgs);
    started.push(child);
    return child;
  };
  try {
    const [server, readers, stalled] = await Promise.all([
      start<{ url: string }>("app-server.ts", arrangement === "unbounded" ? ["--unbounded"] : [], ["--expose-gc"]),
      start<object>("fanout-clients.ts"),
      arrangement === "control" ? null : start<object>("fanout-clients.ts"),
    ]);
    const connect = { kind: "socket.io", url: server.info.url, symbols: SYMBOLS };
    await readers.request("connect", { ...connect, count: READERS, firstAddress: 0 });
    await stalled?.request("connect", { ...connect, count: STALLED, firstAddress: READERS, stall: true });
    const plan = planLoad({ rate: RATE, symbols: SYMBOLS, leadMs: 200, warmUpMs: WARM_UP_MS, windowMs: ms });
    // The first reading after a full GC near the end of the warm-up, so that the start-up's
    // own garbage and caches are settled and the collection's pause falls outside the window.
    const before = sleep(plan.measureFrom - GC_LEAD_MS - Date.now()).then(() =>
      server.request<Memory>("memory", { gc: true }),
    );
    // Peaks are sampled from the first tick on: a stalled viewer is cut within seconds.
    const samples: Memory[] = [];
    let publishing = true;
    const sampler = (async () => {
      await sleep(plan.startAt - Date.now());
      while (publishing) {
        samples.push(await server.request<Memory>("memory"));
        await sleep(SAMPLE_EVERY_MS);
      }
    })();
    const [load, seen] = await Promise.all([
      server.request<LoadReport>("publish", plan).finally(() => (publishing = false)),
      readers.request<ClientReport>("measure", { from: plan.measureFrom, to: plan.measureTo }),
    ]);
    await sampler;
    const after = await server.request<Memory>("memory", { gc: true });
    const first = await before;
    const figures: Phase = {
      heapEndKb: Math.round(after.heapUsed / KB),
      heapGrowthKb: Math.round((after.heapUsed - first.heapUsed) / KB),
      rssGrowthKb: Math.round((after.rss - first.rss) / KB),
      externalGrowthKb: Math.round((after.external - first.external) / KB),
      queuedPeakKb: Math.round(Math.max(0, ...samples.map((s) => s.queued)) / 1024),
      p50: seen.p50 ?? Number.NaN,
      p99: seen.p99 ?? Number.NaN,
      viewersLeft: after.viewers,
      published: load.published,
    };
    trace(
      `slow consumers (${arrangement}): ${JSON.stringify(figures)}, server ${JSON.stringify(load)}, readers ${JSON.stringify(seen)}, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    return figures;
  } finally {
    await Promise.all(started.map((child) => child.stop()));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
