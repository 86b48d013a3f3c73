import { describe, expect, it } from "vitest";
import {
  OVERLAY_AFTER_S,
  OVERLAY_BEFORE_S,
  OVERLAY_STEP_S,
  lastPriceAtOrBefore,
  lastSample,
  sampleRebased,
} from "./event-overlay-series";

const t0 = Date.UTC(2025, 9, 22, 4, 7);
const at = (seconds: number, price: number) => ({ ts: t0 + seconds * 1000, price });

describe("event overlay sampling", () => {
  it("finds the last trade at or before an instant", () => {
    const trades = [at(-10, 100), at(0, 101), at(5, 102)];
    expect(lastPriceAtOrBefore(trades, t0 - 11_000)).toBeNull();
    expect(lastPriceAtOrBefore(trades, t0)).toBe(101);
    expect(lastPriceAtOrBefore(trades, t0 + 4_000)).toBe(101);
  });

  it("rebases to 0% at t0 on one grid from −30 to +60 minutes", () => {
    const trades = [at(-1800, 100), at(0, 100), at(60, 103), at(OVERLAY_AFTER_S, 102)];
    const points = sampleRebased(trades, t0, 100);
    expect(points).toHaveLength((OVERLAY_BEFORE_S + OVERLAY_AFTER_S) / OVERLAY_STEP_S + 1);
    expect(points[0]).toEqual({ offset: -OVERLAY_BEFORE_S, percent: 0 });
    expect(points.find((p) => p.offset === 0)?.percent).toBe(0);
    expect(points.find((p) => p.offset === 60)?.percent).toBeCloseTo(3, 10);
    expect(lastSample(points)?.offset).toBe(OVERLAY_AFTER_S);
    expect(lastSample(points)?.percent).toBeCloseTo(2, 10);
  });

  it("draws nothing before the first trade or past the last one", () => {
    const points = sampleRebased([at(30, 100), at(600, 110)], t0, 100);
    expect(points.find((p) => p.offset === 15)?.percent).toBeNull();
    expect(points.find((p) => p.offset === 600)?.percent).toBeCloseTo(10, 10);
    expect(points.find((p) => p.offset === 630)?.percent).toBeNull();
    expect(lastSample(points)?.offset).toBe(615);
  });
});
