import type { Tick } from "../../../contract/model";

/** One live tick drawn: when it was folded into the chart and when that frame had run (epoch ms, fractional). */
export interface TickDraw {
  symbol: string;
  seq: number;
  /** The tick's own time (for a synthetic source: the wall time the server published it). */
  ts: number;
  applied: number;
  drawn: number;
}

/** A chart's history drawn: bars set, and when the frame after it had run (epoch ms, fractional). */
export interface HistoryDraw {
  chart: string;
  bars: number;
  set: number;
  drawn: number;
}

/**
 * What a benchmark page installs as `window.__aftershockPerf` before the app loads; the
 * charts record into it. `draws` is a ring of `capacity` entries, `drawCount` the total.
 */
export interface AftershockPerf {
  capacity: number;
  drawCount: number;
  draws: TickDraw[];
  histories: HistoryDraw[];
}

const now = () => performance.timeOrigin + performance.now();

/** The page's probe, or null: in normal use there is none and charts do no extra work. */
export function drawProbe(): AftershockPerf | null {
  return (globalThis as { __aftershockPerf?: AftershockPerf }).__aftershockPerf ?? null;
}

/**
 * Records `ticks` as drawn once the next animation frame has run: the chart library draws
 * in a frame callback it asked for when the series changed, which runs before this one.
 */
export function recordTickDraws(probe: AftershockPerf, ticks: readonly Tick[]): void {
  const applied = now();
  const picked = ticks.map((t) => ({ symbol: t.symbol, seq: t.seq, ts: t.ts }));
  requestAnimationFrame(() => {
    const drawn = now();
    for (const t of picked) probe.draws[probe.drawCount++ % probe.capacity] = { ...t, applied, drawn };
  });
}

/** Records a history of `bars` bars as drawn once the next animation frame has run. */
export function recordHistoryDraw(probe: AftershockPerf, chart: string, bars: number): void {
  const set = now();
  requestAnimationFrame(() => probe.histories.push({ chart, bars, set, drawn: now() }));
}
