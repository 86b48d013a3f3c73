import { PerformanceObserver } from "node:perf_hooks";
import type { Tick } from "../../contract/model";
import { CpuMeter } from "../cpu-meter";

/** When to publish and when to measure, in epoch ms (parent and children share the clock). */
export interface LoadPlan {
  /** Ticks per second, spread round-robin over `symbols`. */
  rate: number;
  symbols: string[];
  startAt: number;
  measureFrom: number;
  measureTo: number;
  stopAt: number;
}

/** A plan starting `leadMs` from now (so every child has it first), warmed up, then measured for `windowMs`. */
export function planLoad(o: {
  rate: number;
  symbols: string[];
  leadMs: number;
  warmUpMs: number;
  windowMs: number;
}): LoadPlan {
  const startAt = Date.now() + o.leadMs;
  const measureFrom = startAt + o.warmUpMs;
  const measureTo = measureFrom + o.windowMs;
  return { rate: o.rate, symbols: o.symbols, startAt, measureFrom, measureTo, stopAt: measureTo + 100 };
}

export interface LoadReport {
  /** Ticks published per second inside the measured window. */
  published: number;
  /** Ticks dropped inside the window because the process fell more than MAX_BACKLOG_MS behind. */
  shed: number;
  /** This (server) process's CPU over the measured window, % of one core. */
  cpu: number | null;
  /** The longest the publishing loop waited for its next turn inside the window (event-loop stalls). */
  maxGapMs: number;
  /** Garbage-collection pauses inside the window: their sum and the longest. */
  gc: { totalMs: number; maxMs: number };
}

const EVERY_MS = 5;
// A source that falls further behind than this drops the rest, as a feed handler would; else
// an overloaded server's bursts only grow and the figure depends on how long the run is.
const MAX_BACKLOG_MS = 100;

/**
 * Publishes ticks at `plan.rate`, each stamped `ts = Date.now()` as it is handed to `sink`,
 * and measures this process's CPU over the window.
 */
export async function offerLoad(
  plan: LoadPlan,
  tick: (symbol: string, ts: number) => Tick,
  sink: (ticks: Tick[]) => void,
): Promise<LoadReport> {
  await sleepUntil(plan.startAt);
  const gc = { totalMs: 0, maxMs: 0 };
  const gcWatch = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime + performance.timeOrigin < plan.measureFrom) continue;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  });
  gcWatch.observe({ entryTypes: ["gc"] });
  const cpu = new CpuMeter();
  let due = 0;
  let last = Date.now();
  let next = 0;
  let shed = 0;
  let inWindow = 0;
  let maxGapMs = 0;
  while (true) {
    const now = Date.now();
    if (now >= plan.measureFrom && now < plan.measureTo) maxGapMs = Math.max(maxGapMs, now - last);
    if (now >= plan.stopAt) break;
    if (now >= plan.measureFrom && !cpu.started) cpu.start();
    if (now >= plan.measureTo) cpu.stop();
    due += ((now - last) * plan.rate) / 1000;
    last = now;
    const max = (MAX_BACKLOG_MS * plan.rate) / 1000;
    if (due > max) {
      if (now >= plan.measureFrom && now < plan.measureTo) shed += Math.floor(due - max);
      due -= Math.floor(due - max);
    }
    const count = Math.floor(due);
    if (count > 0) {
      due -= count;
      const ticks: Tick[] = new Array(count);
      for (let i = 0; i < count; i++) ticks[i] = tick(plan.symbols[next++ % plan.symbols.length]!, now);
      sink(ticks);
      if (now >= plan.measureFrom && now < plan.measureTo) inWindow += count;
    }
    await sleep(EVERY_MS);
  }
  cpu.stop();
  gcWatch.disconnect();
  return { published: (inWindow * 1000) / (plan.measureTo - plan.measureFrom), shed, cpu: cpu.percent, maxGapMs, gc };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sleepUntil = (at: number) => sleep(Math.max(0, at - Date.now()));
