import type { Interval, MarketClock, NewsItem } from "../../../contract/model";
import { dayKeyOf } from "../../../domain/market/kst";
import { calendar } from "../market/calendar";

/** A request to show the reaction around `t0` (epoch ms); `nonce` makes a repeat click count. */
export interface ChartFocus {
  newsId: string;
  t0: number;
  nonce: number;
}

/** When a headline moved the market: its publish time, or the next open if it came out of hours. */
export function reactionStart(item: Pick<NewsItem, "publishedAt">): number {
  return calendar.firstTradableAt(Date.parse(item.publishedAt));
}

/**
 * The interval to study a reaction at `t0` in: hourly and daily bars are too coarse for a
 * 90-minute window, and 1s history only covers the current session, so those become 1m.
 */
export function intervalForReaction(current: Interval, t0: number, clock: MarketClock | null): Interval {
  if (current === "1h" || current === "1d") return "1m";
  if (current === "1s" && (clock === null || dayKeyOf(t0) !== dayKeyOf(clock.t))) return "1m";
  return current;
}
