import { describe, expect, it } from "vitest";
import type { Tick } from "../../contract/model";
import { groupBySymbol } from "./group-by-symbol";

const tick = (symbol: string, seq: number): Tick => ({ symbol, seq, ts: seq * 1000, price: 100, size: 1 });

describe("groupBySymbol", () => {
  it("splits a mixed batch per symbol and keeps each symbol's order", () => {
    const groups = groupBySymbol([tick("A", 1), tick("B", 7), tick("A", 2), tick("B", 8), tick("A", 3)]);
    expect([...groups.keys()]).toEqual(["A", "B"]);
    expect(groups.get("A")!.map((t) => t.seq)).toEqual([1, 2, 3]);
    expect(groups.get("B")!.map((t) => t.seq)).toEqual([7, 8]);
  });

  it("gives an empty map for no ticks", () => {
    expect(groupBySymbol([]).size).toBe(0);
  });
});
