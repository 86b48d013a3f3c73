import type { Interval, NewsItem } from "../../../contract/model";
import { INTERVAL_MS, bucketStartMs } from "../../../domain/candles/buckets";
import type { KrxCalendar } from "../../../domain/market/krx-calendar";

/** Where one headline is drawn: the bar time (epoch seconds) of the bar it belongs to. */
export interface PlacedNews {
  id: string;
  time: number;
}

// A headline farther than this from any bar belongs to history the chart has not loaded
// (yesterday's news on a 1s chart of today): drawing it at the edge would misdate it.
const MIN_SNAP_MS = 30 * 60_000;

/**
 * Puts each headline on the bar that holds its publish time. News outside the session
 * counts from the next open (DESIGN: "news outside the session maps to the first
 * tradable moment after it"); a headline in a gap, or just before the first or after the
 * last bar, snaps to the nearest bar. `barTimes` ascend, in epoch seconds.
 */
export function placeNewsOnBars(
  news: readonly Pick<NewsItem, "id" | "publishedAt">[],
  barTimes: readonly number[],
  interval: Interval,
  calendar: KrxCalendar,
): PlacedNews[] {
  if (barTimes.length === 0) return [];
  const tolerance = Math.max(INTERVAL_MS[interval], MIN_SNAP_MS) / 1000;
  const placed: PlacedNews[] = [];
  for (const item of news) {
    const at = Date.parse(item.publishedAt);
    if (!Number.isFinite(at)) continue;
    const bucket = bucketStartMs(calendar.firstTradableAt(at), interval) / 1000;
    const time = nearest(barTimes, bucket);
    if (Math.abs(time - bucket) <= tolerance) placed.push({ id: item.id, time });
  }
  return placed.sort((a, b) => a.time - b.time);
}

// The element of a non-empty ascending array closest to `target`; ties go to the earlier bar.
function nearest(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo]!;
  const before = sorted[lo - 1];
  if (before !== undefined && target - before <= after - target) return before;
  return after;
}
