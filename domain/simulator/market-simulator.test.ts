import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../market/krx-calendar";
import { MarketSimulator, type SimulatorOptions } from "./market-simulator";
import type { SimInstrument, SimShock, SimTick } from "./model";

const calendar = new KrxCalendar();
const kst = (y: number, mo: number, d: number, h: number, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 9, mi, s);

const HYUNDAI = "005380.KS";
const INSTRUMENTS: readonly SimInstrument[] = [
  { symbol: "^KS11", kind: "index", open: 3_800, volatility: 0.18, decimals: 2 },
  { symbol: HYUNDAI, kind: "stock", open: 215_000, volatility: 0.32, beta: 1.1, decimals: 0 },
  { symbol: "000270.KS", kind: "stock", open: 118_000, volatility: 0.3, beta: 1, decimals: 0 },
  // Very volatile and right at the 2,000-won tick boundary, to exercise the ladder.
  { symbol: "035720.KQ", kind: "stock", open: 1_995, volatility: 1.2, beta: 0.8, decimals: 0 },
];

const simulator = (seed: number, extra: Partial<SimulatorOptions> = {}) =>
  new MarketSimulator({ seed, benchmark: "^KS11", instruments: INSTRUMENTS, ...extra });

const collect = (sim: MarketSimulator, from: number, to: number): SimTick[] => {
  const out: SimTick[] = [];
  for (const ticks of sim.run(from, to)) out.push(...ticks);
  return out;
};

const sha256 = (ticks: SimTick[]) =>
  createHash("sha256")
    .update(ticks.map((t) => `${t.symbol},${t.ts},${t.price},${t.size}`).join("\n"))
    .digest("hex");

// Thursday 2 October 14:00 to Friday 10 October 10:00, 2025: one trading afternoon, a holiday,
// a weekend, four more holidays, then one trading morning.
const FROM = kst(2025, 10, 2, 14);
const TO = kst(2025, 10, 10, 10);
const ticksOf = (seed: number) => collect(simulator(seed), FROM, TO);
const seed1 = ticksOf(1);

// Ladder and band rules written out again, independently of the code under test.
const tickOf = (p: number) =>
  p < 2_000 ? 1 : p < 5_000 ? 5 : p < 20_000 ? 10 : p < 50_000 ? 50 : p < 200_000 ? 100 : p < 500_000 ? 500 : 1_000;

describe("MarketSimulator determinism", () => {
  it("produces identical ticks for the same seed, instruments and range", () => {
    const again = ticksOf(1);
    expect(again.length).toBe(seed1.length);
    expect(sha256(again)).toBe(sha256(seed1));
  });

  it("produces different ticks for a different seed", () => {
    expect(sha256(ticksOf(2))).not.toBe(sha256(seed1));
  });
});

describe("MarketSimulator ticks", () => {
  it("trades only inside sessions, here on 2 and 10 October", () => {
    expect(seed1.length).toBeGreaterThan(1_000);
    const outside = seed1.filter((t) => calendar.sessionAt(t.ts) === null);
    expect(outside).toEqual([]);
    const days = new Set(seed1.map((t) => calendar.sessionAt(t.ts)?.day));
    expect([...days]).toEqual(["2025-10-02", "2025-10-10"]);
    expect(seed1.every((t) => t.ts >= FROM && t.ts < TO)).toBe(true);
  });

  it("keeps each symbol's timestamps strictly increasing", () => {
    const last = new Map<string, number>();
    for (const t of seed1) {
      expect(t.ts).toBeGreaterThan(last.get(t.symbol) ?? -Infinity);
      last.set(t.symbol, t.ts);
    }
    expect([...last.keys()].sort()).toEqual(INSTRUMENTS.map((i) => i.symbol).sort());
  });

  it("prices stocks on the tick ladder, in whole won, with positive sizes", () => {
    const stocks = seed1.filter((t) => t.symbol !== "^KS11");
    const off = stocks.filter((t) => !Number.isInteger(t.price) || t.price % tickOf(t.price) !== 0);
    expect(off).toEqual([]);
    expect(seed1.every((t) => Number.isInteger(t.size) && t.size >= 1)).toBe(true);
    // The volatile stock really does trade on both sides of the 2,000-won boundary.
    const small = stocks.filter((t) => t.symbol === "035720.KQ").map((t) => t.price);
    expect(Math.min(...small)).toBeLessThan(2_000);
    expect(Math.max(...small)).toBeGreaterThanOrEqual(2_000);
  });

  it("keeps stocks within ±30% of the previous session's last price", () => {
    const prevClose = new Map(INSTRUMENTS.map((i) => [i.symbol, i.open]));
    const lastToday = new Map<string, number>();
    let day: string | undefined;
    const breaches: SimTick[] = [];
    for (const t of seed1) {
      const tickDay = calendar.sessionAt(t.ts)?.day;
      if (tickDay !== day) {
        for (const [symbol, price] of lastToday) prevClose.set(symbol, price);
        lastToday.clear();
        day = tickDay;
      }
      const prev = prevClose.get(t.symbol)!;
      if (t.symbol !== "^KS11" && (t.price * 10 > prev * 13 || t.price * 10 < prev * 7)) breaches.push(t);
      lastToday.set(t.symbol, t.price);
    }
    expect(breaches).toEqual([]);
  });

  it("prints the index with two decimals", () => {
    const index = seed1.filter((t) => t.symbol === "^KS11");
    expect(index.every((t) => Math.round(t.price * 100) / 100 === t.price)).toBe(true);
  });

  it("does not trade before 10:00 on the first trading day of the year", () => {
    const ticks = collect(simulator(3), kst(2025, 1, 2, 9), kst(2025, 1, 2, 10, 2));
    expect(ticks.length).toBeGreaterThan(0);
    expect(Math.min(...ticks.map((t) => t.ts))).toBeGreaterThanOrEqual(kst(2025, 1, 2, 10));
  });

  it("refuses to step while the market is closed", () => {
    expect(() => simulator(1).step(kst(2025, 10, 25, 11))).toThrow(/closed/);
  });

  it("refuses shocks and benchmarks it does not know", () => {
    expect(() => simulator(1).addShock({ at: kst(2025, 10, 22, 10), impact: { "999999.KS": 0.1 } })).toThrow(/unknown/);
    expect(() => new MarketSimulator({ seed: 1, benchmark: "^NOPE", instruments: INSTRUMENTS })).toThrow(/benchmark/);
  });
});

describe("MarketSimulator shocks", () => {
  const SHOCK_AT = kst(2025, 10, 22, 13, 7);
  const RUN_FROM = kst(2025, 10, 22, 13, 0);
  const RUN_TO = kst(2025, 10, 22, 13, 22);

  /** Log move of Hyundai from its last trade before the shock to its last one 15 minutes on. */
  const moveAfter = (seed: number, shocks: SimShock[], at = SHOCK_AT) => {
    const ticks = collect(simulator(seed, { shocks }), RUN_FROM, RUN_TO).filter((t) => t.symbol === HYUNDAI);
    const before = ticks.filter((t) => t.ts < at).at(-1)!;
    const after = ticks.filter((t) => t.ts < at + 15 * 60_000).at(-1)!;
    return Math.log(after.price / before.price);
  };
  const meanOverSeeds = (f: (seed: number) => number) =>
    Array.from({ length: 10 }, (_, i) => f(i + 1)).reduce((a, b) => a + b, 0) / 10;

  it("moves a stock clearly up after a +3% headline (mean over ten seeds)", () => {
    const mean = meanOverSeeds((seed) => moveAfter(seed, [{ at: SHOCK_AT, impact: { [HYUNDAI]: 0.03 } }]));
    expect(mean).toBeGreaterThan(0.015);
    expect(mean).toBeLessThan(0.05);
  });

  it("shows no such move without the headline (the same measurement as a control)", () => {
    const mean = meanOverSeeds((seed) => moveAfter(seed, []));
    expect(Math.abs(mean)).toBeLessThan(0.01);
  });

  it("applies a headline stamped between whole seconds in full", () => {
    const at = SHOCK_AT + 500;
    const jumpWithin2s = (seed: number) => {
      const ticks = collect(
        simulator(seed, { shocks: [{ at, impact: { "^KS11": 0.1 } }] }),
        at - 5_000,
        at + 2_000,
      ).filter((t) => t.symbol === "^KS11");
      return Math.log(ticks.at(-1)!.price / ticks.filter((t) => t.ts < at).at(-1)!.price);
    };
    // 60% of a log(1.1) = 9.5% move lands at once, i.e. about +5.7% within two seconds.
    expect(jumpWithin2s(4)).toBeGreaterThan(0.04);
  });

  it("stops at the upper limit under a +50% headline and never goes above it", () => {
    // First simulated day: the previous close is the opening 215,000, so the limit is 279,500.
    const sim = simulator(9, { shocks: [{ at: SHOCK_AT, impact: { [HYUNDAI]: 0.5 } }] });
    const ticks = collect(sim, RUN_FROM, kst(2025, 10, 22, 15, 30)).filter((t) => t.symbol === HYUNDAI);
    const prices = ticks.map((t) => t.price);
    expect(Math.max(...prices)).toBe(279_500);
    expect(prices.filter((p) => p === 279_500).length).toBeGreaterThan(100);
    expect(ticks.filter((t) => t.ts >= SHOCK_AT + 30 * 60_000).every((t) => t.price >= 250_000)).toBe(true);
    // The hidden price is held at the limit too, so it can fall away from it at once.
    expect(sim.snapshot().latent[HYUNDAI]).toBeLessThanOrEqual(Math.log(279_500) + 1e-12);
  });

  it("moves the band to the new close on the next day", () => {
    const day2 = kst(2025, 10, 23, 9);
    const shocks = [SHOCK_AT, day2].map((at) => ({ at, impact: { [HYUNDAI]: 0.5 } }));
    const ticks = collect(simulator(9, { shocks }), RUN_FROM, kst(2025, 10, 23, 10, 30)).filter(
      (t) => t.symbol === HYUNDAI,
    );
    const close1 = ticks.filter((t) => t.ts < day2).at(-1)!.price;
    // Largest ladder price at or under 1.3 × day 1's close (integer arithmetic).
    let upper2 = Math.floor((close1 * 13) / 10);
    while (upper2 % tickOf(upper2) !== 0) upper2--;
    expect(upper2).toBeGreaterThan(279_500 * 1.2);
    expect(Math.max(...ticks.filter((t) => t.ts >= day2).map((t) => t.price))).toBe(upper2);
  });

  it("lands a weekend headline at Monday's open", () => {
    const saturday = kst(2025, 10, 25, 12);
    const monday = kst(2025, 10, 27, 9);
    const sim = simulator(6, { shocks: [{ at: saturday, impact: { "^KS11": 0.1 } }] });
    const quiet = simulator(6);
    const first = (s: MarketSimulator) => collect(s, monday, monday + 1_000).find((t) => t.symbol === "^KS11")!.price;
    // Same seed, same draws: the only difference is the jump, 60% of log(1.1) ≈ 0.057 (give
    // or take the raised volatility on that second's noise).
    expect(Math.log(first(sim) / first(quiet))).toBeCloseTo(0.6 * Math.log(1.1), 2);
  });
});

describe("MarketSimulator snapshots", () => {
  const shocks: SimShock[] = [{ at: kst(2025, 10, 22, 13, 7), impact: { [HYUNDAI]: 0.03, "^KS11": 0.004 } }];
  const from = kst(2025, 10, 22, 13);
  const to = kst(2025, 10, 23, 9, 30);

  it.each([
    ["in the middle of a session", kst(2025, 10, 22, 14, 0, 1)],
    ["overnight, between sessions", kst(2025, 10, 22, 20)],
  ])("continues %s exactly like an uninterrupted run", (_label, pause) => {
    const whole = collect(simulator(8, { shocks }), from, to);

    const first = simulator(8, { shocks });
    const part1 = collect(first, from, pause);
    // Stored and read back as JSON, as a server would keep it.
    const state = JSON.parse(JSON.stringify(first.snapshot()));
    const resumed = new MarketSimulator({ seed: 0, benchmark: "^KS11", instruments: INSTRUMENTS, shocks, state });
    const part2 = collect(resumed, pause, to);

    expect(part1.length).toBeGreaterThan(0);
    expect(part2.length).toBeGreaterThan(0);
    expect(sha256([...part1, ...part2])).toBe(sha256(whole));
  });

  it("is a copy: running on does not change a snapshot already taken", () => {
    const sim = simulator(8);
    collect(sim, from, from + 10_000);
    const snap = sim.snapshot();
    const before = JSON.stringify(snap);
    collect(sim, from + 10_000, from + 20_000);
    expect(JSON.stringify(snap)).toBe(before);
  });
});
