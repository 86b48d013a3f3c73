import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

  describe("changed()", () => {
    // A stand-in animation frame: callbacks wait in `frames` until `runFrame()`.
    let frames: Map<number, FrameRequestCallback>;
    let nextId: number;
    const runFrame = () => {
      const due = [...frames.values()];
      frames.clear();
      due.forEach((callback) => callback(0));
    };
    beforeEach(() => {
      frames = new Map();
      nextId = 1;
      vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
        frames.set(nextId, callback);
        return nextId++;
      });
      vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.delete(id));
    });
    afterEach(() => vi.unstubAllGlobals());

    it("notifies each subscriber once per frame, however many changes came in it", () => {
      const out = new MarketListeners();
      const calls = { a: 0, b: 0 };
      out.subscribe(() => calls.a++);
      out.subscribe(() => calls.b++);
      out.changed();
      out.changed();
      out.changed();
      expect(calls).toEqual({ a: 0, b: 0 }); // not synchronously: on the frame
      expect(frames.size).toBe(1);
      runFrame();
      expect(calls).toEqual({ a: 1, b: 1 });
      out.changed(); // a change after the frame asks for the next one
      runFrame();
      expect(calls).toEqual({ a: 2, b: 2 });
    });

    it("stops notifying a subscriber that unsubscribed, and cancel() drops a pending frame", () => {
      const out = new MarketListeners();
      let calls = 0;
      const off = out.subscribe(() => calls++);
      out.changed();
      off();
      runFrame();
      expect(calls).toBe(0);
      out.subscribe(() => calls++);
      out.changed();
      out.cancel();
      runFrame();
      expect(calls).toBe(0);
      out.changed(); // after cancel a change schedules a frame again
      runFrame();
      expect(calls).toBe(1);
    });
  });
});
