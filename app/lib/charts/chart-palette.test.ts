import { describe, expect, it } from "vitest";
import { paletteOf } from "./chart-palette";

describe("chart palette", () => {
  it("is green up / red down unless KRX is asked for", () => {
    expect(paletteOf("dark")).toMatchObject({ up: "#3fb950", down: "#f85149" });
    expect(paletteOf("light", "western")).toMatchObject({ up: "#1a7f37", down: "#cf222e" });
  });

  it("is red up / blue down under KRX in both themes, volume included, the selected marker not blue, the rest untouched", () => {
    const dark = paletteOf("dark", "krx");
    expect(dark).toMatchObject({
      up: "#f85149",
      down: "#6cb6ff",
      volumeUp: "rgba(248, 81, 73, 0.35)",
      newsSelected: "#d2a8ff",
    });
    expect(paletteOf("light", "krx")).toMatchObject({ up: "#cf222e", down: "#0550ae" });
    const blank = { up: "", down: "", volumeUp: "", volumeDown: "", newsSelected: "" };
    expect({ ...dark, ...blank }).toEqual({ ...paletteOf("dark"), ...blank });
  });
});
