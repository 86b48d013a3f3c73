import { BENCHMARK } from "../instruments";
import type { KrxCalendar } from "../market/krx-calendar";
import { kstTime } from "../market/kst";
import { type PriceSeries, toSeries } from "../reaction/price-series";
import { DEFAULT_MARKET } from "../simulator/default-market";
import { MarketSimulator } from "../simulator/market-simulator";
import type { Random } from "../simulator/random";

/** Simulated trades of 005380.KS and the benchmark over `days` trading days (no news). */
export function simulateStudyMarket(calendar: KrxCalendar, lastDay: string, days: number, seed: number) {
  const tradingDays = calendar.tradingDaysEndingAt(lastDay, days);
  const from = calendar.sessionOf(tradingDays[0]!)!.open;
  const to = calendar.sessionOf(tradingDays[tradingDays.length - 1]!)!.close;
  const instruments = DEFAULT_MARKET.filter((i) => i.symbol === "005380.KS" || i.symbol === BENCHMARK);
  const trades = new Map<string, { ts: number; price: number; size: number }[]>(instruments.map((i) => [i.symbol, []]));
  const simulator = new MarketSimulator({ seed, benchmark: BENCHMARK, instruments });
  for (const second of simulator.run(from, to)) for (const t of second) trades.get(t.symbol)!.push(t);
  const series = (symbol: string): PriceSeries => toSeries(trades.get(symbol)!);
  return { days: tradingDays, stock: series("005380.KS"), benchmark: series(BENCHMARK), to };
}

/** A random event time on one of `days[first…]`, early enough that +60m is in the session. */
export function randomEventTime(random: Random, days: readonly string[], first: number): number {
  const day = days[first + Math.floor(random.uniform() * (days.length - first))]!;
  return kstTime(day, 9, 1) + Math.floor(random.uniform() * (5 * 60 + 20) * 60_000);
}
