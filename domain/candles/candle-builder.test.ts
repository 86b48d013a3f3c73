import { describe, expect, it } from "vitest";
import { CandleBuilder, aggregateCandles } from "./candle-builder";

// 09:00 Seoul on 2025-10-22, in epoch seconds and ms.
const OPEN_S = Date.UTC(2025, 9, 22, 0, 0) / 1000;
const at = (minute: number, second: number, ms = 0) => (OPEN_S + minute * 60 + second) * 1000 + ms;

const trades = [
  { ts: at(0, 5), price: 100, size: 2 },
  { ts: at(0, 20), price: 105, size: 1 },
  { ts: at(0, 59, 999), price: 98, size: 3 },
  { ts: at(1, 0), price: 101, size: 4 },
  { ts: at(3, 30), price: 99, size: 5 },
  { ts: at(3, 40), price: 102, size: 1 },
];

describe("aggregateCandles", () => {
  it("builds one-minute bars with open, high, low, close and volume", () => {
    expect(aggregateCandles(trades, "1m")).toEqual([
      { time: OPEN_S, open: 100, high: 105, low: 98, close: 98, volume: 6 },
      { time: OPEN_S + 60, open: 101, high: 101, low: 101, close: 101, volume: 4 },
      { time: OPEN_S + 180, open: 99, high: 102, low: 99, close: 102, volume: 6 },
    ]);
  });

  it("folds everything into one five-minute bar", () => {
    expect(aggregateCandles(trades, "5m")).toEqual([
      { time: OPEN_S, open: 100, high: 105, low: 98, close: 102, volume: 16 },
    ]);
  });

  it("stamps a daily bar with midnight Seoul time", () => {
    expect(aggregateCandles(trades, "1d")).toEqual([
      { time: Date.UTC(2025, 9, 21, 15) / 1000, open: 100, high: 105, low: 98, close: 102, volume: 16 },
    ]);
  });

  it("returns no bars for no trades", () => {
    expect(aggregateCandles([], "1m")).toEqual([]);
  });

  it("drops a late trade that belongs to an earlier bar", () => {
    const late = [...trades.slice(0, 4), { ts: at(0, 30), price: 500, size: 9 }];
    expect(aggregateCandles(late, "1m")).toEqual([
      { time: OPEN_S, open: 100, high: 105, low: 98, close: 98, volume: 6 },
      { time: OPEN_S + 60, open: 101, high: 101, low: 101, close: 101, volume: 4 },
    ]);
  });
});

describe("CandleBuilder", () => {
  it("opens a new bar, then merges trades of the same bucket into it", () => {
    const builder = new CandleBuilder("1m");
    expect(builder.last).toBeNull();
    expect(builder.add(at(0, 5), 100, 2)).toEqual({
      candle: { time: OPEN_S, open: 100, high: 100, low: 100, close: 100, volume: 2 },
      isNew: true,
    });
    expect(builder.add(at(0, 20), 105, 1)).toEqual({
      candle: { time: OPEN_S, open: 100, high: 105, low: 100, close: 105, volume: 3 },
      isNew: false,
    });
    expect(builder.add(at(1, 0), 101, 4)?.isNew).toBe(true);
  });

  it("ignores a trade older than the current bar and leaves the bar as it was", () => {
    const builder = new CandleBuilder("1m");
    builder.add(at(1, 0), 101, 4);
    expect(builder.add(at(0, 59, 999), 500, 9)).toBeNull();
    expect(builder.last).toEqual({ time: OPEN_S + 60, open: 101, high: 101, low: 101, close: 101, volume: 4 });
  });

  it("hands out copies, so callers cannot change its bar", () => {
    const builder = new CandleBuilder("1m");
    const update = builder.add(at(0, 5), 100, 2);
    update!.candle.high = 999;
    builder.last!.volume = 999;
    expect(builder.last).toEqual({ time: OPEN_S, open: 100, high: 100, low: 100, close: 100, volume: 2 });
  });

  it("continues from a seeded last bar", () => {
    const builder = new CandleBuilder("1m");
    builder.seed({ time: OPEN_S, open: 100, high: 105, low: 98, close: 98, volume: 6 });
    expect(builder.add(at(0, 59, 999), 110, 1)).toEqual({
      candle: { time: OPEN_S, open: 100, high: 110, low: 98, close: 110, volume: 7 },
      isNew: false,
    });
    builder.seed({ time: OPEN_S + 60, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    expect(builder.add(at(0, 30), 100, 1)).toBeNull();
    builder.seed(null);
    expect(builder.add(at(0, 30), 100, 1)?.isNew).toBe(true);
  });

  // What a chart does: history of the trades before `to`, its last bar seeded, the rest folded
  // in live. Wherever `to` falls (inside a bar, on a bar edge, after everything) the bars
  // must be those of all trades at once: no hole, no double bar.
  it("history up to any instant plus the later trades live gives the bars of all trades", () => {
    const whole = aggregateCandles(trades, "1m");
    const cuts = [...trades.map((t) => t.ts), ...trades.map((t) => t.ts + 1), at(0, 0), at(5, 0)];
    for (const to of cuts) {
      const bars = aggregateCandles(
        trades.filter((t) => t.ts < to),
        "1m",
      );
      const builder = new CandleBuilder("1m");
      builder.seed(bars.at(-1) ?? null);
      for (const t of trades.filter((t) => t.ts >= to)) {
        const update = builder.add(t.ts, t.price, t.size);
        if (!update) continue;
        if (update.isNew) bars.push(update.candle);
        else bars[bars.length - 1] = update.candle;
      }
      expect(bars, `history to ${to}`).toEqual(whole);
    }
  });
});
