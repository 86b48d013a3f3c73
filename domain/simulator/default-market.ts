import { BENCHMARK } from "../instruments";
import type { SimInstrument } from "./model";

/**
 * How the shipped instruments are simulated: October 2025 orders of magnitude (Hyundai
 * Motor in the low 200,000s, Kia around 105,000, KOSPI near 3,800), not quotes.
 */
export const DEFAULT_MARKET: readonly SimInstrument[] = [
  { symbol: "005380.KS", kind: "stock", open: 215_000, volatility: 0.3, beta: 1.1, decimals: 0 },
  { symbol: "000270.KS", kind: "stock", open: 105_000, volatility: 0.32, beta: 1.0, decimals: 0 },
  { symbol: BENCHMARK, kind: "index", open: 3_800, volatility: 0.15, decimals: 2 },
];

/** The simulated history ends with the shipped headline's trading day. */
export const HISTORY_LAST_DAY = "2025-10-22";
export const HISTORY_DAYS = 5;
