import { describe, expect, it } from "vitest";
import { RIGHT_OFFSET_BARS, defaultLogicalRange, reactionBars } from "./visible-window";

describe("visible windows", () => {
  it("opens a 1m chart on about one session, ending at the live bar", () => {
    expect(defaultLogicalRange(2_000, "1m")).toEqual({ from: 2_000 - 390 - 0.5, to: 1_999 + 20 });
  });

  it("shows every bar when there are fewer than a window's worth", () => {
    expect(defaultLogicalRange(7, "1d")).toEqual({ from: -0.5, to: 6 + RIGHT_OFFSET_BARS });
  });

  it("sizes the reaction window in bars: 30 minutes before, 60 after", () => {
    expect(reactionBars("1m")).toEqual({ before: 30, after: 60 });
    expect(reactionBars("5m")).toEqual({ before: 6, after: 12 });
    expect(reactionBars("1s")).toEqual({ before: 1_800, after: 3_600 });
  });
});
