import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../market/krx-calendar";
import { type DailyBar, computeDailyReaction, dailySpan, eventDayOf } from "./daily-study";

// Weekdays only, no holidays and no late opens: trading days are easy to count by hand.
const calendar = new KrxCalendar(new Set(), new Set());
const kst = (day: string, h: number, mi = 0) => Date.parse(`${day}T00:00:00Z`) - 9 * 3_600_000 + (h * 60 + mi) * 60_000;
const DAY0 = "2025-03-12"; // a Wednesday

// A market of 282 trading days, k = −261 … +20 around day 0. The benchmark's daily return is
// 0.01·sin(0.7k) + 0.002·cos(1.3k); the stock's is 0.0004 + 1.3·m + 0.006·sin(2.1k + 0.5),
// except +19% on day 0 and +5% on day +1. Volume 1,000,000 + 200,000·sin(k), 8,000,000 on day 0.
function market(): { stock: DailyBar[]; benchmark: DailyBar[]; dayAt: (k: number) => string } {
  const dayAt = (k: number) => calendar.shiftTradingDays(DAY0, k);
  const stock: DailyBar[] = [];
  const benchmark: DailyBar[] = [];
  let s = 100_000;
  let m = 2_500;
  for (let k = -261; k <= 20; k++) {
    if (k > -261) {
      const rm = 0.01 * Math.sin(0.7 * k) + 0.002 * Math.cos(1.3 * k);
      const rs = k === 0 ? 0.19 : k === 1 ? 0.05 : 0.0004 + 1.3 * rm + 0.006 * Math.sin(2.1 * k + 0.5);
      m *= 1 + rm;
      s *= 1 + rs;
    }
    const volume = k === 0 ? 8_000_000 : 1_000_000 + 200_000 * Math.sin(k);
    stock.push({ day: dayAt(k), close: s, volume });
    benchmark.push({ day: dayAt(k), close: m, volume: 0 });
  }
  return { stock, benchmark, dayAt };
}

describe("event day 0", () => {
  it("is the headline's trading day before its close, else the next trading day", () => {
    expect(eventDayOf(calendar, kst(DAY0, 8))).toBe(DAY0); // before the open
    expect(eventDayOf(calendar, kst(DAY0, 15, 29))).toBe(DAY0);
    expect(eventDayOf(calendar, kst(DAY0, 15, 30))).toBe("2025-03-13"); // at the close
    expect(eventDayOf(calendar, kst("2025-03-14", 20))).toBe("2025-03-17"); // Friday evening
    expect(eventDayOf(calendar, kst("2025-03-15", 10))).toBe("2025-03-17"); // Saturday
    const withHoliday = new KrxCalendar(new Set(["2025-03-13"]), new Set());
    expect(eventDayOf(withHoliday, kst(DAY0, 16))).toBe("2025-03-14");
  });

  it("reads bars from the eve of the estimation window to day +20", () => {
    const span = dailySpan(calendar, kst(DAY0, 8));
    expect(span.from).toBe(calendar.shiftTradingDays(DAY0, -261));
    expect(span.to).toBe("2025-04-09"); // 20 weekdays after 12 March
  });
});

describe("computeDailyReaction", () => {
  const { stock, benchmark, dayAt } = market();
  const otherNews = [kst(dayAt(-100), 11)];
  const input = { publishedAt: kst(DAY0, 8, 30), stock, benchmark, otherNews, calendar, asOf: Infinity };

  it("matches a market-model event study worked out independently (numpy polyfit)", () => {
    const daily = computeDailyReaction(input)!;
    expect(daily.eventDay).toBe(DAY0);
    expect(daily.baseDay).toBe(dayAt(-1));
    expect(daily.basePrice).toBeCloseTo(109316.65600546314, 6);
    // Reference: np.polyfit over days −260 … −11 less the other headline's day −100 (249 returns).
    expect(daily.model!.n).toBe(249);
    expect(daily.model!.alpha).toBeCloseTo(0.00044678749245754266, 12);
    expect(daily.model!.beta).toBeCloseTo(1.2946382810026047, 10);
    expect(daily.model!.residualSd).toBeCloseTo(0.004253025648241927, 12);
    expect(daily.model!.from).toBe(dayAt(-260));
    expect(daily.model!.to).toBe(dayAt(-11));
    const expected: Record<string, [number, number, number]> = {
      "0": [0.18999999999999995, 0.1869639359455372, 43.96021830313261],
      "-1..1": [0.23291067013990507, 0.22140832946806405, 30.056286792451697],
      "0..1": [0.24950000000000006, 0.2274842312137894, 37.82146072191497],
      "0..5": [0.27331326308952986, 0.2213652019260159, 21.24886439183382],
      "0..20": [0.2671516082525718, 0.22048985703596063, 11.313082826272666],
    };
    expect(daily.windows.map((w) => w.window)).toEqual(Object.keys(expected));
    for (const w of daily.windows) {
      const [ret, car, t] = expected[w.window]!;
      expect(w.return).toBeCloseTo(ret, 10);
      expect(w.abnormal).toBeCloseTo(car, 10);
      expect(w.tStat).toBeCloseTo(t, 6);
      expect(w.reason).toBeNull();
    }
    expect(daily.volumeSurge).toBeCloseTo(8.00656182245111, 8);
    expect(daily.modelReason).toBeNull();
  });

  it("keeps the other headline's day in the fit when it is not the ticker's", () => {
    expect(computeDailyReaction({ ...input, otherNews: [] })!.model!.n).toBe(250);
  });

  it("leaves windows that end after the data's reach null, saying which close is missing", () => {
    const daily = computeDailyReaction({ ...input, asOf: calendar.sessionOf(dayAt(3))!.close })!;
    const byWindow = Object.fromEntries(daily.windows.map((w) => [w.window, w]));
    expect(byWindow["0..1"]!.return).not.toBeNull();
    expect(byWindow["0..5"]!.return).toBeNull();
    expect(byWindow["0..5"]!.abnormal).toBeNull();
    expect(byWindow["0..5"]!.reason).toBe(`no close for day +5 (${dayAt(5)}) yet`);
  });

  it("fits no model on too short a history and says why", () => {
    const short = { ...input, stock: stock.slice(-60), benchmark: benchmark.slice(-60) };
    const daily = computeDailyReaction(short)!;
    expect(daily.model).toBeNull();
    // The last 60 bars start at day −39 (−39 … +20): returns from −38 to −11 are 28.
    expect(daily.modelReason).toBe(
      `28 daily returns with the benchmark in the estimation window (${dayAt(-260)} to ${dayAt(-11)}); the market model needs at least 60`,
    );
    expect(daily.windows[0]!.return).toBeCloseTo(0.19, 12);
    expect(daily.windows[0]!.abnormal).toBeNull();
    expect(daily.windows[0]!.tStat).toBeNull();
    expect(daily.windows[0]!.reason).toBe(daily.modelReason);
  });

  it("studies the benchmark itself without a model", () => {
    const daily = computeDailyReaction({ ...input, stock: benchmark, benchmark: null })!;
    expect(daily.model).toBeNull();
    expect(daily.modelReason).toMatch(/benchmark/);
    expect(daily.volumeSurge).toBeNull(); // the benchmark's bars carry no volume here
  });

  it("measures from the last close before day 0 when day −1 has no bar", () => {
    const gap = stock.filter((b) => b.day !== dayAt(-1));
    const daily = computeDailyReaction({ ...input, stock: gap })!;
    expect(daily.baseDay).toBe(dayAt(-2));
    expect(daily.windows[0]!.return).toBeCloseTo(
      stock.find((b) => b.day === DAY0)!.close / stock.find((b) => b.day === dayAt(-2))!.close - 1,
      12,
    );
  });

  it("is null when no close precedes day 0", () => {
    expect(computeDailyReaction({ ...input, stock: stock.filter((b) => b.day >= DAY0) })).toBeNull();
  });
});
