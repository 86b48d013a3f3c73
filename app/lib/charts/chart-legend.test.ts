import { describe, expect, it } from "vitest";
import { formatLegend } from "./chart-legend";

describe("formatLegend", () => {
  it("prints open, high, low, close and a compact volume", () => {
    expect(
      formatLegend({ time: 0, open: 217_500, high: 218_000, low: 217_000, close: 217_500, volume: 12_345 }, 0),
    ).toBe("O 217,500  H 218,000  L 217,000  C 217,500  V 12.3K");
    expect(formatLegend({ time: 0, open: 3_812.4, high: 3_813, low: 3_811.55, close: 3_812, volume: 900 }, 2)).toBe(
      "O 3,812.40  H 3,813.00  L 3,811.55  C 3,812.00  V 900",
    );
  });
});
