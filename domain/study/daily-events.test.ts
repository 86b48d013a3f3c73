import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../market/krx-calendar";
import { type DailyBar, computeDailyReaction } from "../reaction/daily-study";
import { dailyConfounds, dailyStudyEvent } from "./daily-events";
import { runStudy } from "./run-study";
import { DAILY_DESIGN } from "./study-design";

// Weekdays only: trading days are easy to count. Day k is k trading days from DAY0.
const calendar = new KrxCalendar(new Set(), new Set());
const kst = (day: string, h: number) => Date.parse(`${day}T00:00:00Z`) - 9 * 3_600_000 + h * 3_600_000;
const DAY0 = "2025-06-11";
const dayAt = (k: number) => calendar.shiftTradingDays(DAY0, k);
const FIRST = -300;
const LAST = 60;

// Benchmark return 0.01·sin(0.7k) + 0.002·cos(1.3k); stock 0.0003 + 1.2·m + 0.007·sin(2.3k + 1),
// plus +5% on the day 0 of headlines A and B and +2% on A's day +1.
function market(): { stock: DailyBar[]; benchmark: DailyBar[] } {
  const stock: DailyBar[] = [];
  const benchmark: DailyBar[] = [];
  let s = 50_000;
  let m = 2_600;
  for (let k = FIRST; k <= LAST; k++) {
    if (k > FIRST) {
      const rm = 0.01 * Math.sin(0.7 * k) + 0.002 * Math.cos(1.3 * k);
      const shock = k === 0 || k === 30 ? 0.05 : k === 1 ? 0.02 : 0;
      m *= 1 + rm;
      s *= 1 + 0.0003 + 1.2 * rm + 0.007 * Math.sin(2.3 * k + 1) + shock;
    }
    stock.push({ day: dayAt(k), close: s, volume: 1_000 });
    benchmark.push({ day: dayAt(k), close: m, volume: 0 });
  }
  return { stock, benchmark };
}

// A and B are studied; C lands 10 days after A (confounded, A kept); D's day +20 is past the
// data; E's estimation window holds only 49 returns.
const HEADLINES: Array<[string, number]> = [
  ["A", 0],
  ["B", 30],
  ["C", 10],
  ["D", 55],
  ["E", -240],
];

describe("a daily study pooled from the daily reaction's maths", () => {
  const { stock, benchmark } = market();
  const times = HEADLINES.map(([, k]) => kst(dayAt(k), 8));
  const inputs = HEADLINES.map(([id], i) => ({
    newsId: id,
    publishedAt: times[i]!,
    stock,
    benchmark,
    otherNews: times,
    asOf: Infinity,
    calendar,
  }));
  const events = inputs.map(dailyStudyEvent);
  const study = runStudy(events, {
    symbol: "005380.KS",
    benchmark: "^KS11",
    design: DAILY_DESIGN,
    confounds: dailyConfounds(calendar),
  });

  it("leaves out the confounded, the unfinished and the short-estimation events, saying why", () => {
    const reason = (id: string) => study.events.find((e) => e.newsId === id)!.reason;
    expect(study.n).toBe(2);
    expect(study.events.filter((e) => e.included).map((e) => e.newsId)).toEqual(["A", "B"]);
    expect(reason("C")).toMatch(/^confounded by A \(14 days earlier; the earlier one is kept\)$/);
    expect(reason("D")).toBe("data does not reach the window: nothing at +6 trading days");
    expect(reason("E")).toMatch(/^estimation window too short: 49 daily returns .* needs at least 60$/);
    expect(study.events.find((e) => e.newsId === "A")!.t0).toBe(new Date(calendar.sessionOf(DAY0)!.open).toISOString());
  });

  it("gives each event the CARs and returns of its reaction card's daily windows", () => {
    for (const [i, input] of inputs.entries()) {
      const card = computeDailyReaction(input)!;
      const event = study.events[study.events.findIndex((e) => e.newsId === input.newsId)]!;
      for (const w of card.windows) {
        if (i === 4) expect(event.cars[w.window]).toBeNull();
        else if (w.abnormal !== null)
          expect(event.cars[w.window], `${input.newsId} ${w.window}`).toBeCloseTo(w.abnormal, 14);
        if (w.return !== null) expect(event.returns[w.window], `${input.newsId} ${w.window}`).toBeCloseTo(w.return, 12);
      }
    }
  });

  it("agrees with CAAR, cross-sectional t, Patell Z and BMP recomputed in plain loops", () => {
    const close = new Map(stock.map((b) => [b.day, b.close]));
    const level = new Map(benchmark.map((b) => [b.day, b.close]));
    const rs = (k: number) => close.get(dayAt(k))! / close.get(dayAt(k - 1))! - 1;
    const rm = (k: number) => level.get(dayAt(k))! / level.get(dayAt(k - 1))! - 1;
    const per = [0, 30].map((d0) => {
      const other = new Set(HEADLINES.map(([, k]) => k - d0).filter((k) => k !== 0));
      const xs: number[] = [];
      const ys: number[] = [];
      for (let k = -260; k <= -11; k++) {
        if (other.has(k) || d0 + k - 1 < FIRST) continue;
        xs.push(rm(d0 + k));
        ys.push(rs(d0 + k));
      }
      const n = xs.length;
      const mx = xs.reduce((a, b) => a + b, 0) / n;
      const my = ys.reduce((a, b) => a + b, 0) / n;
      let sxy = 0;
      let sxx = 0;
      for (let i = 0; i < n; i++) {
        sxy += (xs[i]! - mx) * (ys[i]! - my);
        sxx += (xs[i]! - mx) ** 2;
      }
      const beta = sxy / sxx;
      const alpha = my - beta * mx;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (ys[i]! - alpha - beta * xs[i]!) ** 2;
      const sd = Math.sqrt(ss / (n - 2));
      const window = (from: number, to: number) => {
        let car = 0;
        let dev = 0;
        for (let k = from; k <= to; k++) {
          car += rs(d0 + k) - alpha - beta * rm(d0 + k);
          dev += rm(d0 + k) - mx;
        }
        const l = to - from + 1;
        return { car, scar: car / (sd * Math.sqrt(l + (l * l) / n + (dev * dev) / sxx)) };
      };
      return { n, window };
    });
    expect(per.map((p) => p.n)).toEqual([249, 248]); // E's day left out of A's; A's and C's out of B's
    const tOf = (v: number[]) => {
      const mean = (v[0]! + v[1]!) / 2;
      const sd = Math.sqrt(((v[0]! - mean) ** 2 + (v[1]! - mean) ** 2) / 1);
      return mean / (sd / Math.SQRT2);
    };
    for (const w of DAILY_DESIGN.windows) {
      const [a, b] = per.map((p) => p.window(w.from, w.to));
      const row = study.windows.find((x) => x.window === w.label)!;
      expect(row.caar!, w.label).toBeCloseTo((a!.car + b!.car) / 2, 12);
      expect(row.tests.crossSectionalT.statistic!, w.label).toBeCloseTo(tOf([a!.car, b!.car]), 8);
      expect(row.tests.bmp.statistic!, w.label).toBeCloseTo(tOf([a!.scar, b!.scar]), 8);
      const patell = (a!.scar + b!.scar) / Math.sqrt(247 / 245 + 246 / 244);
      expect(row.tests.patellZ.statistic!, w.label).toBeCloseTo(patell, 8);
    }
    // The day-0 shock: both CARs near +5%, and the path's first point is day −1.
    expect(study.windows[0]!.caar!).toBeGreaterThan(0.045);
    expect(study.path.map((p) => p.t).slice(0, 3)).toEqual([-2, -1, 0]);
    expect(study.path.at(-1)!.caar).toBeCloseTo(
      study.windows.find((x) => x.window === "0..20")!.caar! + study.path[1]!.aar!,
      12,
    );
  });
});
