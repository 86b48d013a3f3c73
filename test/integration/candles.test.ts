import { describe, expect, it } from "vitest";
import type { Candle, Tick } from "../../contract/model";
import { getOk, requestJson } from "../support/http";
import { useTestApp } from "../support/start-test-app";

// A window of the seeded history around the shipped headline (22 Oct 2025, 13:07 KST).
const FROM = Date.parse("2025-10-22T12:50:00+09:00");
const TO = Date.parse("2025-10-22T13:40:00+09:00");

// The feed is off so the seeded history is all there is: the window is fixed.
const app = useTestApp({ env: { FEED: "off" } });

// The oracle, written here on purpose instead of importing the server's candle code.
function oneMinuteCandles(ticks: readonly Tick[], seconds = 60): Candle[] {
  const bars = new Map<number, Candle>();
  for (const tick of ticks) {
    const time = Math.floor(tick.ts / (seconds * 1000)) * seconds;
    const bar = bars.get(time);
    if (!bar) {
      bars.set(time, {
        time,
        open: tick.price,
        high: tick.price,
        low: tick.price,
        close: tick.price,
        volume: tick.size,
      });
      continue;
    }
    bar.high = Math.max(bar.high, tick.price);
    bar.low = Math.min(bar.low, tick.price);
    bar.close = tick.price;
    bar.volume += tick.size;
  }
  return [...bars.values()].sort((a, b) => a.time - b.time);
}

describe("GET /api/candles", () => {
  it.each(["005380.KS", "000270.KS", "^KS11"])("%s: 1m bars match the ticks they are built from", async (symbol) => {
    const s = encodeURIComponent(symbol);
    // `to` is inclusive for ticks and exclusive for candles: ask ticks for one ms less.
    const ticks = await getOk<Tick[]>(app.url, `/api/ticks?symbol=${s}&from=${FROM}&to=${TO - 1}&limit=10000`);
    expect(ticks.length).toBeGreaterThan(100);
    expect(ticks.length).toBeLessThan(10_000);
    expect(ticks[0]!.ts).toBeGreaterThanOrEqual(FROM);
    expect(ticks[ticks.length - 1]!.ts).toBeLessThan(TO);

    const candles = await getOk<Candle[]>(
      app.url,
      `/api/candles?symbol=${s}&interval=1m&from=${encodeURIComponent(new Date(FROM).toISOString())}&to=${TO}`,
    );
    expect(candles).toEqual(oneMinuteCandles(ticks));
    expect(candles.length).toBe((TO - FROM) / 60_000);
  });

  // The store reads a range's trades packed in one value (server/store/sqlite): the bars must
  // still equal the ones recomputed from /api/ticks, to the last bit of every price.
  it.each(["005380.KS", "000270.KS", "^KS11"])(
    "%s: 1s bars equal the ones recomputed from the ticks",
    async (symbol) => {
      const s = encodeURIComponent(symbol);
      const ticks = await getOk<Tick[]>(app.url, `/api/ticks?symbol=${s}&from=${FROM}&to=${TO - 1}&limit=10000`);
      expect(ticks.length).toBeGreaterThan(100);
      const candles = await getOk<Candle[]>(app.url, `/api/candles?symbol=${s}&interval=1s&from=${FROM}&to=${TO}`);
      expect(candles).toEqual(oneMinuteCandles(ticks, 1));
      expect(candles.reduce((sum, c) => sum + c.volume, 0)).toBe(ticks.reduce((sum, t) => sum + t.size, 0));
    },
  );

  it("5m bars aggregate the 1m bars", async () => {
    const q = `symbol=005380.KS&from=${FROM}&to=${TO}`;
    const ones = await getOk<Candle[]>(app.url, `/api/candles?${q}&interval=1m`);
    const fives = await getOk<Candle[]>(app.url, `/api/candles?${q}&interval=5m`);
    expect(fives.length).toBe((TO - FROM) / 300_000);
    for (const five of fives) {
      const inside = ones.filter((c) => c.time >= five.time && c.time < five.time + 300);
      expect(five).toEqual({
        time: five.time,
        open: inside[0]!.open,
        high: Math.max(...inside.map((c) => c.high)),
        low: Math.min(...inside.map((c) => c.low)),
        close: inside[inside.length - 1]!.close,
        volume: inside.reduce((sum, c) => sum + c.volume, 0),
      });
    }
  });

  it("answers an empty list for a range with no trades (a Sunday)", async () => {
    const sunday = Date.parse("2025-10-19T10:00:00+09:00");
    const answer = await requestJson(
      app.url,
      `/api/candles?symbol=005380.KS&interval=1m&from=${sunday}&to=${sunday + 3_600_000}`,
    );
    expect(answer).toMatchObject({ status: 200, body: [] });
  });
});
