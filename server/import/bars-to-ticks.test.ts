import { describe, expect, it } from "vitest";
import { barToTicks } from "./bars-to-ticks";

describe("barToTicks", () => {
  const window = { start: 0, end: 60_000 };

  it("puts the extreme nearer the open first and splits the volume 25% each", () => {
    expect(barToTicks({ open: 100, high: 110, low: 98, close: 105, volume: 10 }, window)).toEqual([
      { ts: 0, price: 100, size: 2 },
      { ts: 20_000, price: 98, size: 2 },
      { ts: 40_000, price: 110, size: 2 },
      { ts: 59_000, price: 105, size: 4 },
    ]);
    expect(
      barToTicks({ open: 100, high: 101, low: 90, close: 95, volume: 3 }, window).map((t) => [t.price, t.size]),
    ).toEqual([
      [100, 0],
      [101, 0],
      [90, 0],
      [95, 3],
    ]);
  });
});
