import { describe, expect, it } from "vitest";
import { KrxCalendar } from "./krx-calendar";
import { kstTime } from "./kst";
import { addTradingTime, tradingInstants } from "./trading-time";

describe("tradingInstants", () => {
  const calendar = new KrxCalendar();
  const MINUTE = 60_000;

  it("equals addTradingTime at every step, across the close, a weekend and a pre-open start", () => {
    for (const ts of [
      kstTime("2025-10-22", 13, 7) + 12_345,
      kstTime("2025-10-24", 15, 0) + 30_000, // Friday: runs into Monday
      kstTime("2025-10-22", 7, 0),
      kstTime("2025-10-22", 15, 29),
    ]) {
      const walked = tradingInstants(calendar, ts, MINUTE, 90);
      expect(walked).toEqual(Array.from({ length: 90 }, (_, k) => addTradingTime(calendar, ts, (k + 1) * MINUTE)));
    }
  });
});
