import type { Candle, Interval } from "../../contract/model";
import { bucketStartMs } from "./buckets";

/** What folding one trade into the bars did: the bar to draw, and whether it is new. */
export interface CandleUpdate {
  candle: Candle;
  isNew: boolean;
}

/**
 * Builds bars from trades in time order, one interval. Used by the server for history and
 * by the browser for live bars, so both draw the same numbers. A trade older than the
 * current bar is ignored: the chart cannot redraw a closed bar (its `update()` throws).
 */
export class CandleBuilder {
  private current: Candle | null = null;

  constructor(readonly interval: Interval) {}

  /** Folds one trade in; null when the trade is older than the current bar. */
  add(ts: number, price: number, size: number): CandleUpdate | null {
    const time = bucketStartMs(ts, this.interval) / 1000;
    const bar = this.current;
    if (bar && time < bar.time) return null;
    if (bar && time === bar.time) {
      bar.high = Math.max(bar.high, price);
      bar.low = Math.min(bar.low, price);
      bar.close = price;
      bar.volume += size;
      return { candle: { ...bar }, isNew: false };
    }
    this.current = { time, open: price, high: price, low: price, close: price, volume: size };
    return { candle: { ...this.current }, isNew: true };
  }

  /** Continues from an existing last bar (e.g. the last one loaded from history). */
  seed(last: Candle | null): void {
    this.current = last ? { ...last } : null;
  }

  get last(): Candle | null {
    return this.current ? { ...this.current } : null;
  }
}

/** All bars of `trades` (ascending by time) for one interval. */
export function aggregateCandles(
  trades: Iterable<{ ts: number; price: number; size: number }>,
  interval: Interval,
): Candle[] {
  const builder = new CandleBuilder(interval);
  const candles: Candle[] = [];
  for (const trade of trades) {
    const update = builder.add(trade.ts, trade.price, trade.size);
    if (!update) continue;
    if (update.isNew) candles.push(update.candle);
    else candles[candles.length - 1] = update.candle;
  }
  return candles;
}
