// The overlay's geometry: every symbol sampled on one grid of seconds around the
// headline and rebased to 0% at t0, so lines of very different prices compare directly.

/** The overlay spans 30 minutes before the headline to 60 minutes after it. */
export const OVERLAY_BEFORE_S = 30 * 60;
export const OVERLAY_AFTER_S = 60 * 60;
/** One point per 15 s: fine enough to show the first jump, light enough to draw. */
export const OVERLAY_STEP_S = 15;

/** One sample: seconds since t0, and the move since t0 in percent (null: no trade yet). */
export interface OverlayPoint {
  offset: number;
  percent: number | null;
}

/** One symbol's line on the overlay chart. */
export interface OverlayLine {
  symbol: string;
  benchmark: boolean;
  points: OverlayPoint[];
}

/** What the overlay chart draws: a headline's instant and a line per symbol around it. */
export interface OverlayData {
  t0: number;
  lines: OverlayLine[];
}

interface Trade {
  ts: number;
  price: number;
}

/** The price of the last trade at or before `t` (trades ascending by time), or null. */
export function lastPriceAtOrBefore(trades: readonly Trade[], t: number): number | null {
  let lo = 0;
  let hi = trades.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const trade = trades[mid]!;
    if (trade.ts <= t) {
      found = trade.price;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Samples `trades` every OVERLAY_STEP_S over the overlay's span as percent moves from
 * `base`. A sample before the first trade, or after the last one, is null: a line is
 * never drawn past the data (the future of a live headline, or after the close).
 */
export function sampleRebased(trades: readonly Trade[], t0: number, base: number): OverlayPoint[] {
  const points: OverlayPoint[] = [];
  const lastTs = trades[trades.length - 1]?.ts ?? -Infinity;
  for (let offset = -OVERLAY_BEFORE_S; offset <= OVERLAY_AFTER_S; offset += OVERLAY_STEP_S) {
    const t = t0 + offset * 1000;
    const price = t > lastTs + OVERLAY_STEP_S * 1000 ? null : lastPriceAtOrBefore(trades, t);
    points.push({ offset, percent: price === null || base === 0 ? null : (price / base - 1) * 100 });
  }
  return points;
}

/** The last drawn sample of a line, or null when nothing is drawn. */
export function lastSample(points: readonly OverlayPoint[]): OverlayPoint | null {
  for (let i = points.length - 1; i >= 0; i--) if (points[i]!.percent !== null) return points[i]!;
  return null;
}
