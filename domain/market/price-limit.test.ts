import { describe, expect, it } from "vitest";
import { clampToBand, priceBand } from "./price-limit";

const expectedTick = (p: number) =>
  p < 2_000 ? 1 : p < 5_000 ? 5 : p < 20_000 ? 10 : p < 50_000 ? 50 : p < 200_000 ? 100 : p < 500_000 ? 500 : 1_000;

describe("priceBand", () => {
  it("gives 150,500–279,500 for a previous close of 215,000", () => {
    // 215,000 × 1.3 = 279,500 (tick 500, on the ladder); × 0.7 = 150,500 (tick 100).
    expect(priceBand(215_000)).toEqual({ lower: 150_500, upper: 279_500 });
  });

  it.each([
    // prevClose, lower, upper — worked out by hand.
    [10_000, 7_000, 13_000],
    [154_900, 108_500, 201_000], // 108,430 ↑ tick 100; 201,370 ↓ tick 500
    [1_540, 1_078, 2_000], // 2,002 ↓ tick 5
    [3_850, 2_695, 5_000], // 5,005 ↓ tick 10
    [385_000, 269_500, 500_000], // 500,500 ↓ tick 1,000
    [390_000, 273_000, 507_000],
    [1_000, 700, 1_300],
  ])("for a previous close of %i is %i to %i", (prevClose, lower, upper) => {
    expect(priceBand(prevClose)).toEqual({ lower, upper });
  });

  it("stays inside ±30% and is as wide as the ladder allows (sweep of ladder closes)", () => {
    const wrong: number[] = [];
    for (let prev = 1_000; prev <= 1_500_000; prev += expectedTick(prev) * 37) {
      const { lower, upper } = priceBand(prev);
      // Integer arithmetic: upper ≤ 1.3·prev < next ladder price; previous ladder price < 0.7·prev ≤ lower.
      const ok =
        upper * 10 <= prev * 13 &&
        (upper + expectedTick(upper)) * 10 > prev * 13 &&
        lower * 10 >= prev * 7 &&
        (lower - expectedTick(lower - 1)) * 10 < prev * 7 &&
        upper % expectedTick(upper) === 0 &&
        lower % expectedTick(lower) === 0;
      if (!ok) wrong.push(prev);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe("clampToBand", () => {
  const band = { lower: 150_500, upper: 279_500 };

  it("holds prices inside the band and leaves the rest alone", () => {
    expect(clampToBand(300_000, band)).toBe(279_500);
    expect(clampToBand(100_000, band)).toBe(150_500);
    expect(clampToBand(215_000, band)).toBe(215_000);
    expect(clampToBand(279_500, band)).toBe(279_500);
  });
});
