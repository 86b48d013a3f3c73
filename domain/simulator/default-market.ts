import { BENCHMARK, SHIPPED_SIMULATION } from "../instruments";
import type { SimInstrument } from "./model";

/** The symbols simulated when FEED_SYMBOLS is not set: the two carmakers and the benchmark. */
export const DEFAULT_FEED_SYMBOLS = ["005380.KS", "000270.KS", BENCHMARK] as const;

/**
 * How the given universe symbols are simulated: each one's opening level, volatility and
 * beta from the universe file, in the order given, the benchmark last when not named
 * (every stock moves with it). Throws naming a symbol outside the universe.
 */
export function simulatedMarket(symbols: readonly string[]): SimInstrument[] {
  const wanted = [...new Set(symbols.includes(BENCHMARK) ? symbols : [...symbols, BENCHMARK])];
  return wanted.map((symbol) => {
    const instrument = SHIPPED_SIMULATION.get(symbol);
    if (!instrument) throw new Error(`unknown symbol ${symbol}: not in the shipped universe`);
    return instrument;
  });
}

/**
 * The default market: October 2025 orders of magnitude (Hyundai Motor in the low
 * 200,000s, Kia around 105,000, KOSPI near 3,800), not quotes.
 */
export const DEFAULT_MARKET: readonly SimInstrument[] = simulatedMarket(DEFAULT_FEED_SYMBOLS);

/** The simulated history ends with the shipped headline's trading day. */
export const HISTORY_LAST_DAY = "2025-10-22";
export const HISTORY_DAYS = 5;
