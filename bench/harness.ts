/** One benchmark figure with the baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: string | null;
  baselineValue: number | null;
  ratio: number | null;
  /** Why this figure was not measured (`value` is then NaN, null in the JSON). */
  skipped?: string;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `runs` times and returns the median of what it measured. */
export async function medianOf(runs: number, fn: (run: number) => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await fn(run));
  return median(values);
}

export function result(
  name: string,
  value: number,
  unit: string,
  baseline?: { name: string; value: number },
): BenchResult {
  return {
    name,
    value: Math.round(value),
    unit,
    baseline: baseline?.name ?? null,
    baselineValue: baseline ? Math.round(baseline.value) : null,
    ratio: baseline ? Number((value / baseline.value).toFixed(3)) : null,
  };
}

/** A figure that could not be measured here, and why. */
export function skipped(name: string, unit: string, why: string): BenchResult {
  return { name, value: Number.NaN, unit, baseline: null, baselineValue: null, ratio: null, skipped: why };
}

/** Progress on stderr when `BENCH_VERBOSE` is set (stdout stays the report, or the JSON). */
export function trace(message: string): void {
  if (process.env.BENCH_VERBOSE) process.stderr.write(`[bench ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}
