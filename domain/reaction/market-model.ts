import { linearRegression, sampleStandardDeviation } from "simple-statistics";

/** A fitted market model R_s = alpha + beta × R_m + e. */
export interface MarketModel {
  alpha: number;
  beta: number;
  /** Standard deviation of the residuals (n − 2 degrees of freedom). */
  residualSd: number;
  n: number;
}

/** Fits alpha and beta by ordinary least squares; null with fewer than 3 paired returns. */
export function fitMarketModel(stock: readonly number[], market: readonly number[]): MarketModel | null {
  const n = Math.min(stock.length, market.length);
  if (n < 3) return null;
  const pairs = Array.from({ length: n }, (_, i) => [market[i]!, stock[i]!]);
  const { m: beta, b: alpha } = linearRegression(pairs);
  const residuals = pairs.map(([x, y]) => y! - (alpha + beta * x!));
  // sampleStandardDeviation divides by n − 1; a two-parameter fit leaves n − 2.
  const residualSd = sampleStandardDeviation(residuals) * Math.sqrt((n - 1) / (n - 2));
  return { alpha, beta, residualSd, n };
}
