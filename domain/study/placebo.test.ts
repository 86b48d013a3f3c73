import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../market/krx-calendar";
import type { PriceSeries } from "../reaction/price-series";
import { Random } from "../simulator/random";
import { intradayConfounds, intradayStudyEvent } from "./intraday-events";
import { runStudy } from "./run-study";
import { INTRADAY_DESIGN } from "./study-design";
import { randomEventTime, simulateStudyMarket } from "./simulated-market";

// The method validated on simulated trades (seeded): no shock → rejections near the
// nominal 5%; known +3% shocks → CAAR near +3% and rejections.
const calendar = new KrxCalendar();
const market = simulateStudyMarket(calendar, "2025-11-28", 24, 7);
const study = (times: readonly number[], stock: PriceSeries, tag: string) =>
  runStudy(
    times.map((publishedAt, i) =>
      intradayStudyEvent({
        newsId: `${tag}-${i}`,
        publishedAt,
        stock,
        benchmark: market.benchmark,
        asOf: market.to,
        calendar,
      }),
    ),
    { symbol: "005380.KS", benchmark: "^KS11", design: INTRADAY_DESIGN, confounds: intradayConfounds(calendar) },
  );

type TestName = keyof ReturnType<typeof study>["windows"][number]["tests"];
const TESTS: TestName[] = ["crossSectionalT", "patellZ", "bmp", "corradoRank", "generalizedSign"];

describe("placebo: 200 sets of 30 random event times, no shock", () => {
  const SETS = 200;
  const random = new Random(99);
  const rejections = new Map<string, number>();
  for (let set = 0; set < SETS; set++) {
    const times = Array.from({ length: 30 }, () => randomEventTime(random, market.days, 3));
    for (const w of study(times, market.stock, `p${set}`).windows) {
      for (const name of TESTS) {
        const p = w.tests[name].pValue;
        const key = `${w.window} ${name}`;
        rejections.set(key, (rejections.get(key) ?? 0) + (p !== null && p < 0.05 ? 1 : 0));
      }
    }
  }
  const rate = (window: string, name: TestName) => rejections.get(`${window} ${name}`)! / SETS;

  it("rejects at about the nominal 5% with the cross-sectional tests (t, BMP, sign)", () => {
    for (const window of ["1m", "5m", "15m", "30m", "60m"]) {
      for (const name of ["crossSectionalT", "bmp", "generalizedSign"] as const) {
        expect(rate(window, name), `${window} ${name}`).toBeGreaterThanOrEqual(0.01);
        expect(rate(window, name), `${window} ${name}`).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it("never over-rejects with the tests that trust the estimation-window variance (Patell, rank)", () => {
    // Tick-size bounce makes minute returns negatively autocorrelated: over several
    // minutes the variance grows slower than L·σ², so these are conservative there.
    for (const window of ["5m", "15m", "30m", "60m"]) {
      for (const name of ["patellZ", "corradoRank"] as const)
        expect(rate(window, name), `${window} ${name}`).toBeLessThanOrEqual(0.1);
    }
    for (const name of ["patellZ", "corradoRank"] as const)
      expect(rate("1m", name), `1m ${name}`).toBeLessThanOrEqual(0.12);
    // The figures for the README and the note.
    console.info(`placebo rejection rates at 5% over ${SETS} sets: ${JSON.stringify(Object.fromEntries(rejections))}`);
  });
});

describe("known shocks: ten headlines, each followed by a +3% move", () => {
  // One headline on each of ten days, the stock's prices after it lifted by 3% (for good).
  const random = new Random(5);
  const times = market.days
    .slice(4, 24)
    .filter((_, i) => i % 2 === 0)
    .map((day) => randomEventTime(random, [day], 0));
  const price = [...market.stock.price];
  for (const t0 of times)
    for (let i = 0; i < price.length; i++) if (market.stock.ts[i]! > t0) price[i] = price[i]! * 1.03;
  const shocked: PriceSeries = { ts: market.stock.ts, price, size: market.stock.size };
  const result = study(times, shocked, "shock");

  it("recovers a CAAR near +3% and rejects no effect", () => {
    expect(result.n).toBe(10);
    for (const w of result.windows) {
      expect(w.caar!, w.window).toBeGreaterThan(0.025);
      expect(w.caar!, w.window).toBeLessThan(0.035);
      expect(w.positive).toBe(10);
      for (const name of ["crossSectionalT", "patellZ", "bmp", "generalizedSign"] as const) {
        expect(w.tests[name].pValue!, `${w.window} ${name}`).toBeLessThan(0.05);
      }
    }
    // The rank test sees one extreme minute among L: decisive at 1m, diluted over an hour.
    expect(result.windows[0]!.tests.corradoRank.pValue!).toBeLessThan(0.05);
    console.info(
      `known shocks: ${JSON.stringify(result.windows.map((w) => ({ window: w.window, caar: w.caar, p: Object.fromEntries(TESTS.map((t) => [t, w.tests[t].pValue])) })))}`,
    );
  });
});
