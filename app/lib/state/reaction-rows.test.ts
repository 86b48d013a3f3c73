import { describe, expect, it } from "vitest";
import { DEFAULT_SORT, type ReactionRow, nextSort, sortRows } from "./reaction-rows";

const row = (symbol: string, car: number | null, publishedAt = 0): ReactionRow => ({
  key: symbol,
  newsId: "n",
  publishedAt,
  headline: `about ${symbol}`,
  symbol,
  r15m: null,
  r60m: null,
  d0: null,
  dCar: car,
  dT: null,
  resolution: "intraday",
  car,
  tStat: null,
  confounded: false,
});

describe("sorting reactions", () => {
  const rows = [row("A", 0.01), row("B", null), row("C", 0.03), row("D", -0.02)];

  it("opens on CAR, biggest first, unknown last", () => {
    expect(DEFAULT_SORT).toEqual({ key: "car", direction: "descending" });
    expect(sortRows(rows, DEFAULT_SORT).map((r) => r.symbol)).toEqual(["C", "A", "D", "B"]);
  });

  it("flips on a second click and keeps unknown figures last", () => {
    const sort = nextSort(DEFAULT_SORT, "car");
    expect(sort.direction).toBe("ascending");
    expect(sortRows(rows, sort).map((r) => r.symbol)).toEqual(["D", "A", "C", "B"]);
  });

  it("starts text columns A→Z and figures biggest first", () => {
    expect(nextSort(DEFAULT_SORT, "symbol")).toEqual({ key: "symbol", direction: "ascending" });
    expect(nextSort(DEFAULT_SORT, "publishedAt")).toEqual({ key: "publishedAt", direction: "descending" });
  });

  it("breaks ties newest first", () => {
    const tied = [row("X", 0.01, 1), row("Y", 0.01, 2)];
    expect(sortRows(tied, DEFAULT_SORT).map((r) => r.symbol)).toEqual(["Y", "X"]);
  });
});

describe("daily columns", () => {
  it("sorts by the daily study's day-0 CAR, unknown figures last", () => {
    const rows = [row("A", 0.01), row("B", null), row("C", 0.15)];
    expect(sortRows(rows, { key: "dCar", direction: "descending" }).map((r) => r.symbol)).toEqual(["C", "A", "B"]);
    expect(sortRows(rows, { key: "dCar", direction: "ascending" }).map((r) => r.symbol)).toEqual(["A", "C", "B"]);
  });
});
