/** Trades of one symbol in time order, as columns (fast to search, cheap to slice). */
export interface PriceSeries {
  ts: readonly number[];
  price: readonly number[];
  size: readonly number[];
}

/** Index of the last trade at or before `t`, or -1. */
export function indexAtOrBefore(series: PriceSeries, t: number): number {
  let lo = 0;
  let hi = series.ts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (series.ts[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Price of the last trade at or before `t`, or null before the first trade. */
export function priceAt(series: PriceSeries, t: number): number | null {
  const i = indexAtOrBefore(series, t);
  return i < 0 ? null : series.price[i]!;
}

/** Price of the last trade strictly before `t` (a print at `t` may already carry the news), or null. */
export function priceBefore(series: PriceSeries, t: number): number | null {
  return priceAt(series, t - 1);
}

/** Volume traded in (from, to]. */
export function volumeBetween(series: PriceSeries, from: number, to: number): number {
  if (to <= from) return 0;
  const cumulative = cumulativeVolume(series);
  return cumulative[indexAtOrBefore(series, to) + 1]! - cumulative[indexAtOrBefore(series, from) + 1]!;
}

// Running totals of size (entry i = volume of the first i trades), built once per series:
// every reaction asks for the volume of several windows of the same trades.
const cumulativeVolumes = new WeakMap<PriceSeries, Float64Array>();

function cumulativeVolume(series: PriceSeries): Float64Array {
  let cumulative = cumulativeVolumes.get(series);
  if (!cumulative) {
    cumulative = new Float64Array(series.size.length + 1);
    for (let i = 0; i < series.size.length; i++) cumulative[i + 1] = cumulative[i]! + series.size[i]!;
    cumulativeVolumes.set(series, cumulative);
  }
  return cumulative;
}

/** Builds a series from trades (ascending by time). */
export function toSeries(trades: readonly { ts: number; price: number; size: number }[]): PriceSeries {
  return { ts: trades.map((t) => t.ts), price: trades.map((t) => t.price), size: trades.map((t) => t.size) };
}
