import { describe, expect, it } from "vitest";
import { isSymbol } from "../contract/symbols";
import { BENCHMARK, SHIPPED_INSTRUMENTS } from "./instruments";

describe("shipped instruments", () => {
  it("have unique, well-formed symbols", () => {
    const symbols = SHIPPED_INSTRUMENTS.map((i) => i.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const symbol of symbols) expect(isSymbol(symbol), symbol).toBe(true);
  });

  it("include the KOSPI benchmark as an index", () => {
    const benchmark = SHIPPED_INSTRUMENTS.find((i) => i.symbol === BENCHMARK);
    expect(benchmark?.kind).toBe("index");
    expect(BENCHMARK).toBe("^KS11");
  });

  it("are KRX instruments priced in won on Seoul time, stocks in whole won", () => {
    for (const i of SHIPPED_INSTRUMENTS) {
      expect([i.exchange, i.currency, i.timezone]).toEqual(["KRX", "KRW", "Asia/Seoul"]);
      if (i.kind === "stock") expect(i.decimals).toBe(0);
    }
  });
});
