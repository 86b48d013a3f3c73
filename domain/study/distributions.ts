import jStat from "jstat";

/** Two-sided p-value of a standard normal statistic. */
export function normalP(z: number): number {
  return 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
}

/** Two-sided p-value of a Student t statistic with `df` degrees of freedom. */
export function studentP(t: number, df: number): number {
  return 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));
}

/** The Student t quantile: the half-width multiplier of a two-sided `level` interval. */
export function studentQuantile(level: number, df: number): number {
  return jStat.studentt.inv(1 - (1 - level) / 2, df);
}
