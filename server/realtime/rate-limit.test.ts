import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS, type RateLimitOptions, TokenBucket, floodMeter } from "./rate-limit";

// The bucket's arithmetic, on a clock the test moves: no waiting, no timing luck.
describe("token bucket (injected clock)", () => {
  const clock = () => {
    let t = 1_000;
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  };

  it("allows the burst at once, then one event per 1/rate", () => {
    const c = clock();
    const bucket = new TokenBucket({ perSecond: 50, burst: 100 }, c.now);
    expect(Array.from({ length: 100 }, () => bucket.take()).every(Boolean)).toBe(true);
    expect(bucket.take()).toBe(false);
    c.advance(19);
    expect(bucket.take()).toBe(false);
    c.advance(1);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it("refills at the rate and never past the burst", () => {
    const c = clock();
    const bucket = new TokenBucket({ perSecond: 50, burst: 100 }, c.now);
    while (bucket.take());
    c.advance(1_000);
    expect(countTakes(bucket)).toBe(50);
    c.advance(3_600_000);
    expect(countTakes(bucket)).toBe(100);
  });

  const options: RateLimitOptions = { ...DEFAULT_RATE_LIMITS };

  /** Sends at `perSecond` (in 10 ms steps) until the flood meter runs dry; the time it took. */
  function timeToFlood(perSecond: number, limitMs: number): number | null {
    const c = clock();
    const meter = floodMeter({ ...options, now: c.now });
    let owed = 0;
    for (let elapsed = 0; elapsed <= limitMs; elapsed += 10) {
      for (owed += perSecond / 100; owed >= 1; owed--) if (!meter.take()) return elapsed;
      c.advance(10);
    }
    return null;
  }

  it("cuts a socket sending at 5x the rate after about 2 s", () => {
    const at = timeToFlood(5 * options.socket.perSecond, 10_000);
    expect(at).not.toBeNull();
    expect(at!).toBeGreaterThanOrEqual(1_900);
    expect(at!).toBeLessThanOrEqual(2_100);
  });

  it("never cuts a socket that stays at the allowed rate, however long", () => {
    expect(timeToFlood(options.socket.perSecond, 600_000)).toBeNull();
  });

  it("takes longer to cut a lesser excess (2x: about 8 s)", () => {
    const at = timeToFlood(2 * options.socket.perSecond, 60_000);
    expect(at!).toBeGreaterThan(7_000);
    expect(at!).toBeLessThan(9_000);
  });
});

function countTakes(bucket: TokenBucket): number {
  let n = 0;
  while (bucket.take()) n++;
  return n;
}
