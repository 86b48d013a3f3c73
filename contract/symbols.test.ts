import { describe, expect, it } from "vitest";
import { MAX_SYMBOL_LENGTH, isSymbol } from "./symbols";

describe("isSymbol", () => {
  it("accepts KRX codes on either board and index symbols", () => {
    for (const s of ["005380.KS", "000270.KS", "035720.KQ", "^KS11", "^KQ11"]) expect(isSymbol(s), s).toBe(true);
  });

  it.each([
    "005380.ks",
    "05380.KS",
    "0053800.KS",
    "005380.KX",
    "005380",
    "^ks11",
    "^K",
    "^ABCDEFGHIJK",
    " 005380.KS",
    "005380.KS ",
    "../../etc",
    "005380.KS<script>",
    "",
    "AAPL",
  ])("rejects %j", (value) => {
    expect(isSymbol(value)).toBe(false);
  });

  it("rejects values that are not strings", () => {
    for (const v of [5380, null, undefined, ["005380.KS"], { symbol: "005380.KS" }]) expect(isSymbol(v)).toBe(false);
  });

  // The pattern alone bounds a symbol to 11 characters; the cap must never refuse one it admits.
  it("admits the longest symbols the pattern allows under the length cap", () => {
    for (const longest of ["^ABCDEFGHIJ", "005380.KS"]) {
      expect(longest.length).toBeLessThanOrEqual(MAX_SYMBOL_LENGTH);
      expect(isSymbol(longest), longest).toBe(true);
    }
  });
});
