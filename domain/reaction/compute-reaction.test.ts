import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../market/krx-calendar";
import { kstTime } from "../market/kst";
import { type ReactionInput, computeReaction, isConfounded } from "./compute-reaction";
import { type PriceSeries, toSeries } from "./price-series";

// Weekdays only, 09:00–15:30, no holidays: sessions are easy to reason about by hand.
const calendar = new KrxCalendar(new Set(), new Set());
const MIN = 60_000;
const DAYS = ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14"]; // Mon–Fri
const EVENT_DAY = "2025-03-13";

type Trade = { ts: number; price: number; size: number };

// One trade a minute, on the minute, every session; the estimation sessions (before the
// event day) move with a beta of 1.5 and a little noise, the event day is set by `eventDay`.
function market(eventDay: (ts: number) => { stock: number; bench: number } | null, size = (_ts: number) => 100) {
  const stock: Trade[] = [];
  const bench: Trade[] = [];
  let s = 100;
  let b = 1000;
  let i = 0;
  for (const day of DAYS) {
    const session = calendar.sessionOf(day)!;
    for (let ts = session.open; ts < session.close; ts += MIN, i++) {
      const set = day >= EVENT_DAY ? eventDay(ts) : null;
      if (set) [s, b] = [set.stock, set.bench];
      else if (day < EVENT_DAY) {
        const rb = 0.001 * Math.sin(i);
        b *= 1 + rb;
        s *= 1 + 1.5 * rb + 0.0002 * Math.cos(3 * i);
      }
      stock.push({ ts, price: s, size: size(ts) });
      bench.push({ ts, price: b, size: 1 });
    }
  }
  return { stock: toSeries(stock), bench: toSeries(bench), last: { stock: s, bench: b } };
}

function input(publishedAt: number, stock: PriceSeries, benchmark: PriceSeries | null): ReactionInput {
  return { newsId: "n1", symbol: "005380.KS", publishedAt, stock, benchmark, otherNews: [], asOf: Infinity, calendar };
}

describe("intraday reaction: reference prices", () => {
  it("measures both legs from the last print strictly before t0 (a print at t0 can carry the shock)", () => {
    const t0 = kstTime(EVENT_DAY, 13, 7);
    let base: { stock: number; bench: number } | null = null;
    const { stock, bench } = market((ts) => {
      base ??= { stock: 100, bench: 1000 };
      return ts < t0 ? base : { stock: 103, bench: 1010 }; // the prints at t0 carry the news
    });
    const r = computeReaction(input(t0, stock, bench))!;
    expect(r.preEventPrice).toBe(100);
    expect(r.returns["1m"]).toBeCloseTo(0.03, 12);
    const { alpha, beta } = r.abnormal!;
    expect(beta).toBeGreaterThan(1.4);
    // One minute: R − (α + β·Rm) with the benchmark's +1% counted, not swallowed by the reference.
    expect(r.abnormalReturns!["1m"]).toBeCloseTo(0.03 - (alpha + beta * 0.01), 12);
    // Then 59 flat minutes, each −α.
    expect(r.abnormal!.car).toBeCloseTo(0.03 - beta * 0.01 - 60 * alpha, 10);
  });

  it("measures a headline before the open from the previous close, for the stock and the benchmark", () => {
    const open = kstTime(EVENT_DAY, 9);
    const session = market((ts) => (ts === open ? { stock: 110, bench: 1020 } : null));
    // A pre-market print at 08:45, already moved by the 08:30 headline, must not be the base.
    const premarket = kstTime(EVENT_DAY, 8, 45);
    const withPremarket = (series: PriceSeries, price: number): PriceSeries => {
      const i = series.ts.findIndex((t) => t >= open);
      return {
        ts: [...series.ts.slice(0, i), premarket, ...series.ts.slice(i)],
        price: [...series.price.slice(0, i), price, ...series.price.slice(i)],
        size: [...series.size.slice(0, i), 10, ...series.size.slice(i)],
      };
    };
    const [stock, bench] = [withPremarket(session.stock, 108), withPremarket(session.bench, 1015)];
    const previous = market(() => null);
    // The event day's later prints hold the opening level (market() keeps the last set price).
    const prevStock = previous.stock.price[previous.stock.ts.findIndex((t) => t >= open) - 1]!;
    const prevBench = previous.bench.price[previous.bench.ts.findIndex((t) => t >= open) - 1]!;
    const r = computeReaction(input(kstTime(EVENT_DAY, 8, 30), stock, bench))!;
    expect(r.t0).toBe(new Date(open).toISOString());
    expect(r.preEventPrice).toBeCloseTo(prevStock, 12);
    expect(r.returns["1m"]).toBeCloseTo(110 / prevStock - 1, 12);
    const { alpha, beta } = r.abnormal!;
    expect(r.abnormalReturns!["1m"]).toBeCloseTo(110 / prevStock - 1 - (alpha + beta * (1020 / prevBench - 1)), 12);
  });
});

describe("intraday reaction: trading time across the close", () => {
  it("compares volume like with like when the window runs past the close (flat volume reads 1.00)", () => {
    const { stock, bench } = market(() => ({ stock: 100, bench: 1000 }));
    const r = computeReaction(input(kstTime(EVENT_DAY, 15), stock, bench))!;
    expect(r.eventWindow.minutes).toBe(60);
    expect(r.volumeSurge).toBeCloseTo(1, 12);
  });

  it("times the peak in trading time (15:00 headline, peak at 09:23 next morning: 53 minutes)", () => {
    const t0 = kstTime(EVENT_DAY, 15);
    const peakAt = kstTime("2025-03-14", 9, 23);
    const { stock, bench } = market((ts) => ({ stock: ts < t0 ? 100 : ts === peakAt ? 105 : 101, bench: 1000 }));
    const r = computeReaction(input(t0, stock, bench))!;
    expect(r.peakMove).toBeCloseTo(0.05, 12);
    expect(r.timeToPeakMs).toBe(53 * MIN);
  });
});

describe("intraday reaction after daily-only history", () => {
  it("fits no intraday model and compares no volume on sessions that hold only daily bars", () => {
    const { stock, bench } = market(() => ({ stock: 100, bench: 1000 }));
    const r = computeReaction({ ...input(kstTime(EVENT_DAY, 13), stock, bench), intradayHistory: false })!;
    expect(r.resolution).toBe("intraday");
    expect(r.returns["1m"]).toBe(0);
    expect(r.abnormal).toBeNull();
    expect(r.estimation).toBeNull();
    expect(r.volumeSurge).toBeNull();
    expect(computeReaction(input(kstTime(EVENT_DAY, 13), stock, bench))!.abnormal).not.toBeNull();
  });
});

describe("daily resolution", () => {
  it("leaves every intraday field null with a reason and carries the daily study", () => {
    const days = Array.from({ length: 300 }, (_, k) => calendar.shiftTradingDays("2025-03-12", k - 299));
    const stock = days.map((day, k) => ({
      day,
      close: 100 * (1 + 0.001 * Math.sin(k)) * (day === "2025-03-12" ? 1.1 : 1),
      volume: 1000,
    }));
    const benchmark = days.map((day, k) => ({
      day,
      close: 1000 * (1 + 0.0008 * Math.sin(k) + 0.0003 * Math.cos(2 * k)),
      volume: 0,
    }));
    const empty = toSeries([]);
    const r = computeReaction({
      ...input(kstTime("2025-03-12", 8), empty, empty),
      resolution: "daily",
      daily: { stock, benchmark },
    })!;
    expect(r.resolution).toBe("daily");
    for (const w of ["1m", "5m", "15m", "30m", "60m"] as const) expect(r.returns[w]).toBeNull();
    expect(r.abnormal).toBeNull();
    expect(r.peakMove).toBeNull();
    expect(r.timeToPeakMs).toBeNull();
    expect(r.maxDrawdown).toBeNull();
    expect(r.intradayReason).toMatch(/only daily bars/);
    expect(r.daily!.eventDay).toBe("2025-03-12");
    expect(r.preEventPrice).toBe(r.daily!.basePrice);
    // Before the open, the day's close return is the day-0 window's return.
    expect(r.returns.close).toBe(r.daily!.windows[0]!.return);
    expect(r.daily!.model).not.toBeNull();
  });
});

describe("intraday reaction: the core figures, directly", () => {
  it("is null when there is no price before the event", () => {
    const empty = toSeries([]);
    expect(computeReaction(input(kstTime(EVENT_DAY, 13), empty, empty))).toBeNull();
  });

  it("leaves the windows the data has not reached null (they fill in live)", () => {
    const t0 = kstTime(EVENT_DAY, 13);
    const { stock, bench } = market((ts) => ({ stock: ts < t0 ? 100 : 102, bench: 1000 }));
    const r = computeReaction({ ...input(t0, stock, bench), asOf: t0 + 10 * MIN })!;
    expect(r.returns["1m"]).toBeCloseTo(0.02, 12);
    expect(r.returns["5m"]).toBeCloseTo(0.02, 12);
    for (const w of ["15m", "30m", "60m", "close", "nextClose"] as const) expect(r.returns[w]).toBeNull();
    expect(r.eventWindow.minutes).toBe(10);
  });

  it("takes the peak move, its time and the worst fall from a running high over the event window", () => {
    const t0 = kstTime(EVENT_DAY, 13);
    const path = (ts: number) => {
      if (ts < t0) return 100;
      if (ts === t0 + 5 * MIN) return 110; // the peak, 5 minutes in
      if (ts === t0 + 10 * MIN) return 99; // the fall from 110
      return 105;
    };
    const { stock, bench } = market((ts) => ({ stock: path(ts), bench: 1000 }));
    const r = computeReaction(input(t0, stock, bench))!;
    expect(r.peakMove).toBeCloseTo(0.1, 12);
    expect(r.timeToPeakMs).toBe(5 * MIN);
    expect(r.maxDrawdown).toBeCloseTo(99 / 110 - 1, 12);
  });

  it("reads twice the usual volume in the event window as a surge of 2", () => {
    const t0 = kstTime(EVENT_DAY, 13);
    const inWindow = (ts: number) => ts >= t0 && ts <= t0 + 60 * MIN;
    const { stock, bench } = market(
      () => ({ stock: 100, bench: 1000 }),
      (ts) => (inWindow(ts) ? 200 : 100),
    );
    expect(computeReaction(input(t0, stock, bench))!.volumeSurge).toBeCloseTo(2, 12);
  });

  it("counts another headline within 60 trading minutes as confounding, closed hours not counted", () => {
    const t0 = kstTime(EVENT_DAY, 13);
    expect(isConfounded(calendar, t0, [t0 + 59 * MIN])).toBe(true);
    expect(isConfounded(calendar, t0, [t0 + 61 * MIN])).toBe(false);
    // 15:00 and 09:20 the next morning: 30 + 20 trading minutes apart, though 18 hours by the clock.
    expect(isConfounded(calendar, kstTime(EVENT_DAY, 15), [kstTime("2025-03-14", 9, 20)])).toBe(true);
    expect(isConfounded(calendar, kstTime(EVENT_DAY, 15), [kstTime("2025-03-14", 9, 40)])).toBe(false);
    const { stock, bench } = market(() => ({ stock: 100, bench: 1000 }));
    expect(computeReaction({ ...input(t0, stock, bench), otherNews: [t0 - 30 * MIN] })!.confounded).toBe(true);
    expect(computeReaction(input(t0, stock, bench))!.confounded).toBe(false);
  });
});
