import { describe, expect, it } from "vitest";
import type { NewsItem, Tick } from "../../../contract/model";
import { MarketListeners } from "./market-listeners";

const tick: Tick = { symbol: "A", seq: 1, ts: 1, price: 1, size: 1 };

describe("MarketListeners", () => {
  it("hands ticks only to the listeners of their symbol, until they unsubscribe", () => {
    const out = new MarketListeners();
    const gotA: (readonly Tick[])[] = [];
    const gotB: (readonly Tick[])[] = [];
    const offA = out.onTicks("A", (t) => gotA.push(t));
    out.onTicks("B", (t) => gotB.push(t));
    out.ticks("A", [tick]);
    offA();
    out.ticks("A", [tick]);
    expect(gotA).toEqual([[tick]]);
    expect(gotB).toEqual([]);
  });

  it("hands headlines to every news listener", () => {
    const out = new MarketListeners();
    const seen: string[] = [];
    out.onNews((item) => seen.push(`1:${item.id}`));
    const off = out.onNews((item) => seen.push(`2:${item.id}`));
    out.news({ id: "n" } as NewsItem);
    off();
    out.news({ id: "m" } as NewsItem);
    expect(seen).toEqual(["1:n", "2:n", "1:m"]);
  });
});
