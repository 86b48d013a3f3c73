import { describe, expect, it } from "vitest";
import type { Instrument } from "../../../contract/model";
import type { DataSource } from "../../../contract/resolution";
import { watchlistOf, withStoredPrices } from "./watchlist";

const instrument = (symbol: string): Instrument => ({
  symbol,
  name: symbol,
  nameKo: symbol,
  exchange: "KRX",
  currency: "KRW",
  timezone: "Asia/Seoul",
  kind: "stock",
  aliases: [],
  decimals: 0,
});
const symbols = (list: readonly Instrument[]) => list.map((i) => i.symbol);

describe("watchlistOf", () => {
  it("puts the shipped instruments first, in their order", () => {
    expect(symbols(watchlistOf(["^KS11", "000270.KS", "005380.KS"].map(instrument)))).toEqual([
      "005380.KS",
      "000270.KS",
      "^KS11",
    ]);
  });

  it("keeps every other instrument, after the shipped ones, in the server's order", () => {
    const listed = ["035420.KS", "^KS11", "005930.KS", "005380.KS"].map((s) => ({ ...instrument(s), hasData: true }));
    expect(symbols(watchlistOf(listed))).toEqual(["005380.KS", "^KS11", "035420.KS", "005930.KS"]);
  });

  it("leaves out instruments of the universe that have no prices, unless they are defaults", () => {
    const listed = [instrument("005930.KS"), { ...instrument("000660.KS"), hasData: true }, instrument("^KS11")];
    expect(symbols(watchlistOf(listed))).toEqual(["^KS11", "000660.KS"]);
  });

  it("shows a scenario of four unshipped symbols whole", () => {
    const listed = ["A.KS", "B.KS", "C.KS", "D.KS"].map(instrument);
    expect(symbols(watchlistOf(listed))).toEqual(["A.KS", "B.KS", "C.KS", "D.KS"]);
  });
});

describe("withStoredPrices", () => {
  const source = (symbol: string): DataSource => ({
    symbol,
    kind: "import",
    file: "005930.csv",
    resolution: "1d",
    from: "2020-01-02T06:30:00.000Z",
    to: "2020-12-30T06:30:00.000Z",
    rows: 248,
  });

  it("marks an instrument priced once a source of its symbol is recorded, leaving the rest as listed", () => {
    const listed = [instrument("005930.KS"), instrument("000660.KS"), { ...instrument("^KS11"), hasData: true }];
    const now = withStoredPrices(listed, [source("005930.KS")]);
    expect(now.map((i) => i.hasData)).toEqual([true, undefined, true]);
    expect(now[1]).toBe(listed[1]);
    expect(now[2]).toBe(listed[2]);
  });
});
