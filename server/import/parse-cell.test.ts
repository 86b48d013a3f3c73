import { describe, expect, it } from "vitest";
import { parseCount, parsePrice } from "./parse-cell";

describe("cells", () => {
  it("accepts plain decimals only", () => {
    expect(parsePrice("215000", "Open")).toBe(215_000);
    expect(parsePrice("3801.25", "Close")).toBe(3801.25);
    expect(parseCount("1234.0", "Volume")).toBe(1234);
    for (const cell of ["=1+1", "+1", "-1+1", "@SUM(A1)", "\t1", "|calc", "1e3", "0x10", " 1", "Infinity", "NaN"]) {
      expect(() => parsePrice(cell, "Open"), cell).toThrow();
    }
    expect(() => parsePrice("-5", "Open")).toThrow(/negative/);
  });
});
