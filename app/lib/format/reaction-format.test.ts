import { describe, expect, it } from "vitest";
import {
  formatBasisPoints,
  formatMinutesSeconds,
  formatMultiple,
  formatOffsetMinutes,
  formatOffsetPrecise,
  formatTStat,
  isSignificant,
} from "./reaction-format";

describe("reaction figures", () => {
  it("prints time to peak as mm:ss", () => {
    expect(formatMinutesSeconds(0)).toBe("00:00");
    expect(formatMinutesSeconds(452_000)).toBe("07:32");
    expect(formatMinutesSeconds(3_600_000)).toBe("60:00");
  });

  it("signs t-statistics and calls |t| ≥ 1.96 significant", () => {
    expect(formatTStat(4.123)).toBe("+4.12");
    expect(formatTStat(-2)).toBe("\u22122.00");
    expect(isSignificant(1.96)).toBe(true);
    expect(isSignificant(-1.96)).toBe(true);
    expect(isSignificant(1.959)).toBe(false);
  });

  it("prints volume surge and alpha", () => {
    expect(formatMultiple(3.416)).toBe("\u00D73.42");
    expect(formatBasisPoints(0.0000123)).toBe("+0.12 bp");
  });

  it("labels minutes since the headline", () => {
    expect(formatOffsetMinutes(-1800)).toBe("\u221230m");
    expect(formatOffsetMinutes(0)).toBe("0");
    expect(formatOffsetMinutes(300)).toBe("+5m");
    expect(formatOffsetPrecise(735)).toBe("+12m 15s");
    expect(formatOffsetPrecise(-60)).toBe("\u22121m");
  });
});
