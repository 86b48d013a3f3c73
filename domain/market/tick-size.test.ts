import { describe, expect, it } from "vitest";
import { isOnLadder, roundToTick, tickSize } from "./tick-size";

// The KRX ladder written out again from the rule book, to check the code against.
const expectedTick = (p: number) =>
  p < 2_000 ? 1 : p < 5_000 ? 5 : p < 20_000 ? 10 : p < 50_000 ? 50 : p < 200_000 ? 100 : p < 500_000 ? 500 : 1_000;

describe("tickSize", () => {
  it.each([
    [1, 1],
    [1_999, 1],
    [2_000, 5],
    [4_995, 5],
    [5_000, 10],
    [19_990, 10],
    [20_000, 50],
    [49_950, 50],
    [50_000, 100],
    [199_900, 100],
    [200_000, 500],
    [499_500, 500],
    [500_000, 1_000],
    [2_500_000, 1_000],
  ])("is %i won ticks at %i won", (price, tick) => {
    expect(tickSize(price)).toBe(tick);
  });

  it("uses the lower band's tick just below a boundary", () => {
    expect(tickSize(1_999.5)).toBe(1);
    expect(tickSize(199_999.99)).toBe(100);
  });
});

describe("isOnLadder", () => {
  it("accepts prices that are whole multiples of their band's tick", () => {
    for (const p of [1, 1_999, 2_000, 2_005, 199_900, 200_000, 200_500, 499_500, 500_000, 501_000]) {
      expect(isOnLadder(p), String(p)).toBe(true);
    }
  });

  it("rejects prices between ticks, fractions, zero and negatives", () => {
    for (const p of [2_001, 199_950, 200_100, 499_900, 500_500, 1_999.5, 0, -100]) {
      expect(isOnLadder(p), String(p)).toBe(false);
    }
  });
});

describe("roundToTick", () => {
  it("rounds to the nearest tick inside a band", () => {
    expect(roundToTick(215_040)).toBe(215_000);
    expect(roundToTick(215_260)).toBe(215_500);
    expect(roundToTick(4_997)).toBe(4_995);
    expect(roundToTick(4_998)).toBe(5_000);
    expect(roundToTick(199_940)).toBe(199_900);
  });

  it("lands on 200,000 when 199,980 rounds up across the boundary", () => {
    expect(roundToTick(199_980)).toBe(200_000);
    expect(isOnLadder(roundToTick(199_980))).toBe(true);
    expect(roundToTick(1_999.6)).toBe(2_000);
    expect(roundToTick(499_800)).toBe(500_000);
  });

  it("rounds just above a boundary back down onto it when that is nearest", () => {
    expect(roundToTick(200_200)).toBe(200_000);
    expect(roundToTick(200_300)).toBe(200_500);
    expect(roundToTick(500_400)).toBe(500_000);
  });

  it("rounds down and up on request, across boundaries too", () => {
    expect(roundToTick(199_999, "down")).toBe(199_900);
    expect(roundToTick(200_400, "down")).toBe(200_000);
    expect(roundToTick(500_999, "down")).toBe(500_000);
    expect(roundToTick(199_901, "up")).toBe(200_000);
    expect(roundToTick(200_001, "up")).toBe(200_500);
    expect(roundToTick(499_501, "up")).toBe(500_000);
    expect(roundToTick(279_500, "down")).toBe(279_500);
    expect(roundToTick(150_500, "up")).toBe(150_500);
  });

  it("never goes below the smallest price", () => {
    expect(roundToTick(0.2)).toBe(1);
    expect(roundToTick(0.2, "down")).toBe(1);
  });

  it("always returns the nearest ladder price (sweep up to 1.2 million won)", () => {
    const wrong: string[] = [];
    for (let x = 1; x < 1_200_000; x += 31.7) {
      let down = Math.floor(x);
      while (down % expectedTick(down) !== 0) down--;
      let up = Math.ceil(x);
      while (up % expectedTick(up) !== 0) up++;
      const nearest = roundToTick(x);
      const ok =
        roundToTick(x, "down") === down &&
        roundToTick(x, "up") === up &&
        Math.abs(nearest - x) <= Math.min(x - down, up - x) &&
        isOnLadder(nearest);
      if (!ok) wrong.push(x.toFixed(1));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
