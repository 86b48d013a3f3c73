const MAX_MS = 60_000;

/** Latencies in whole milliseconds (what epoch-ms tick stamps allow), 1 ms bins up to 60 s. */
export class LatencyHistogram {
  private readonly bins = new Uint32Array(MAX_MS + 1);
  count = 0;

  add(ms: number): void {
    this.bins[Math.min(MAX_MS, Math.max(0, Math.round(ms)))]!++;
    this.count++;
  }

  /** The smallest latency at or above which lies the slowest (1 − q) of the samples. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let ms = 0; ms <= MAX_MS; ms++) {
      seen += this.bins[ms]!;
      if (seen >= rank) return ms;
    }
    return MAX_MS;
  }
}
