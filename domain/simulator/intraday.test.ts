import { describe, expect, it } from "vitest";
import { SHOCK_JUMP_SHARE, activityAt, shockDriftShare, shockVolatility, shockVolume } from "./intraday";

describe("activityAt", () => {
  it("is U-shaped: busy after the open and into the close, quiet at midday", () => {
    const midday = activityAt(0.5);
    expect(activityAt(0)).toBeGreaterThan(2 * midday);
    expect(activityAt(1)).toBeGreaterThan(2 * midday);
    expect(midday).toBeGreaterThan(0.4);
  });

  it("treats fractions outside the session as its edges", () => {
    expect(activityAt(-1)).toBe(activityAt(0));
    expect(activityAt(2)).toBe(activityAt(1));
  });
});

describe("shock shape", () => {
  it("adds nothing in the jump second, then drifts in the rest of the move", () => {
    expect(shockDriftShare(0)).toBe(0);
    expect(shockDriftShare(1)).toBeGreaterThan(0);
    expect(shockDriftShare(600)).toBeLessThan(shockDriftShare(1));
    let total = 0;
    for (let dt = 1; dt <= 20_000; dt++) total += shockDriftShare(dt);
    expect(SHOCK_JUMP_SHARE + total).toBeCloseTo(1, 6);
  });

  it("raises volatility and volume with the shock's size, capped, and lets them decay", () => {
    expect(shockVolatility(0, 0.01)).toBeCloseTo(1.6, 10);
    expect(shockVolatility(0, -0.01)).toBeCloseTo(1.6, 10);
    expect(shockVolatility(0, 0.5)).toBe(4);
    expect(shockVolatility(100_000, 0.5)).toBeCloseTo(1, 6);
    expect(shockVolume(0, 0.01)).toBeCloseTo(2.5, 10);
    expect(shockVolume(0, 0.5)).toBe(7);
    expect(shockVolume(900, 0.01)).toBeLessThan(shockVolume(0, 0.01));
  });
});
