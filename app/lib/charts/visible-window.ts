import type { Interval } from "../../../contract/model";
import { INTERVAL_MS } from "../../../domain/candles/buckets";

const REACTION_BEFORE_MS = 30 * 60_000;
const REACTION_AFTER_MS = 60 * 60_000;

// How many bars a chart shows when it opens: about one session on 1m (6.5 h), ten minutes
// on 1s, two sessions on 5m, four weeks on 1h, a year on 1d. Fewer bars: all of them.
const BARS_IN_VIEW: Record<Interval, number> = { "1s": 600, "1m": 390, "5m": 156, "1h": 140, "1d": 250 };

/** Empty space kept right of the last bar, in bars, so the live bar is not glued to the axis. */
export const RIGHT_OFFSET_BARS = 3;

/** The logical (bar index) range a chart of `barCount` bars opens on. */
export function defaultLogicalRange(barCount: number, interval: Interval): { from: number; to: number } {
  const shown = Math.min(barCount, BARS_IN_VIEW[interval]);
  // With hundreds of thin bars a few bars of margin is a few pixels: keep about 5% of the
  // view free, so the session's day label at the right edge is not cut off.
  const margin = Math.max(RIGHT_OFFSET_BARS, Math.round(shown * 0.05));
  return { from: barCount - shown - 0.5, to: barCount - 1 + margin };
}

/**
 * The reaction window around a headline, in bars of `interval`: 30 minutes before to 60
 * minutes after. Counted in bars rather than clock time so that a headline just after the
 * open still shows the previous session's close for context, and one at the live edge
 * leaves room for the reaction still to come.
 */
export function reactionBars(interval: Interval): { before: number; after: number } {
  const size = INTERVAL_MS[interval];
  return {
    before: Math.max(2, Math.round(REACTION_BEFORE_MS / size)),
    after: Math.max(4, Math.round(REACTION_AFTER_MS / size)),
  };
}
