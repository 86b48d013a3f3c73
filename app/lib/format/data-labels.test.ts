import { describe, expect, it } from "vitest";
import type { DataSource } from "../../../contract/resolution";
import { describeSources, intervalForData, labelOf, pageLabel } from "./data-labels";

const source = (
  symbol: string,
  kind: DataSource["kind"],
  file: string | null,
  resolution: DataSource["resolution"] = "1d",
): DataSource => ({
  symbol,
  kind,
  file,
  resolution,
  from: "2017-01-02T00:00:00.000Z",
  to: "2021-04-30T06:29:59.000Z",
  rows: 4_000,
});

describe("data labels", () => {
  const imported = [source("005380.KS", "import", "005380.KS.csv"), source("^KS11", "import", "KS11.csv")];

  it("never calls imported prices simulated", () => {
    expect(labelOf("005380.KS", imported, "simulate")).toEqual({
      kind: "imported",
      text: "IMPORTED · 005380.KS.csv",
      files: ["005380.KS.csv"],
    });
    expect(pageLabel(["005380.KS", "^KS11"], imported, "off")).toMatchObject({
      kind: "imported",
      text: "IMPORTED · 005380.KS.csv, KS11.csv",
    });
    expect(pageLabel(["005380.KS"], imported, "off")).toMatchObject({
      kind: "imported",
      text: "IMPORTED · 005380.KS.csv",
    });
  });

  it("falls back on the feed for instruments without a recorded source, and says a mix per instrument", () => {
    expect(labelOf("000270.KS", imported, "simulate").text).toBe("SIMULATED");
    expect(labelOf("000270.KS", imported, "off").kind).toBe("none");
    expect(pageLabel(["005380.KS", "000270.KS"], imported, "simulate")).toMatchObject({
      kind: "mixed",
      text: "MIXED · IMPORTED + SIMULATED",
    });
    const both = [...imported, source("005380.KS", "simulated", null, "tick")];
    expect(labelOf("005380.KS", both, "simulate").text).toBe("IMPORTED · 005380.KS.csv + SIMULATED");
    expect(labelOf("005380.KS", [source("005380.KS", "tape", "day.csv", "tick")], "replay:day.csv").text).toBe(
      "REPLAY · day.csv",
    );
  });

  it("writes the footer per kind", () => {
    expect(describeSources(["005380.KS", "000270.KS"], imported, "simulate")).toBe(
      "Prices — 005380.KS: imported from 005380.KS.csv (real market data). 000270.KS: simulated by Aftershock (seeded KRX model), not market data.",
    );
  });

  it("moves a headline in daily-only history to daily bars, and leaves intraday data alone", () => {
    const t0 = Date.parse("2021-01-08T00:00:00Z");
    expect(intervalForData(t0, imported)).toBe("1d");
    expect(intervalForData(t0, [...imported, source("005380.KS", "import", "m.csv", "1m")])).toBeNull();
    expect(intervalForData(Date.parse("2025-10-22T04:00:00Z"), imported)).toBeNull();
  });
});
