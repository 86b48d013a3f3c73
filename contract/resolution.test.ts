import { describe, expect, it } from "vitest";
import { finestResolution, isIntraday, isResolution, resolutionMs } from "./resolution";

describe("data resolution", () => {
  it("knows ticks and bar intervals, and nothing else", () => {
    for (const ok of ["tick", "1s", "1m", "5m", "90m", "1h", "1d"]) expect(isResolution(ok)).toBe(true);
    for (const bad of ["", "0m", "m", "1w", "1 m", "ticks", "1D"]) expect(isResolution(bad)).toBe(false);
  });

  it("measures a row's span and tells intraday from daily", () => {
    expect(resolutionMs("tick")).toBe(0);
    expect(resolutionMs("5m")).toBe(300_000);
    expect(resolutionMs("1h")).toBe(3_600_000);
    expect(isIntraday("1h")).toBe(true);
    expect(isIntraday("1d")).toBe(false);
  });

  it("picks the finest present", () => {
    expect(finestResolution(["1d", "5m", "1m"])).toBe("1m");
    expect(finestResolution(["1d", "tick"])).toBe("tick");
    expect(finestResolution([])).toBeNull();
  });
});
