import { describe, expect, it } from "vitest";
import { detectFormat } from "./csv-format";

describe("detectFormat", () => {
  it("knows Yahoo (Date or Datetime, any case and order) and ts,price,size", () => {
    expect(detectFormat(["Datetime", "Open", "High", "Low", "Close", "Adj Close", "Volume"])).toMatchObject({
      kind: "yahoo",
      date: 0,
      volume: 6,
    });
    expect(detectFormat(["volume", "close", "low", "high", "open", "date"])).toMatchObject({
      kind: "yahoo",
      date: 5,
      open: 4,
    });
    expect(detectFormat(["size", "ts", "price"])).toEqual({ kind: "ticks", ts: 1, price: 2, size: 0 });
    expect(() => detectFormat(["ts", "price"])).toThrow(/missing column size/);
    expect(() => detectFormat(["Date", "Close"])).toThrow(/missing columns Open, High, Low, Volume/);
  });
});
