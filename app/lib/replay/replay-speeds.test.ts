import { describe, expect, it } from "vitest";
import { parseSpeed, shiftSpeed, speedLabel } from "./replay-speeds";

describe("replay speeds", () => {
  it("steps through the offered speeds and stops at the ends", () => {
    expect(shiftSpeed(60, 1)).toBe(300);
    expect(shiftSpeed(1000, 1)).toBe("max");
    expect(shiftSpeed("max", 1)).toBe("max");
    expect(shiftSpeed(10, -1)).toBe(1);
    expect(shiftSpeed(1, -1)).toBe(1);
  });

  it("moves an unlisted speed to its neighbour", () => {
    expect(shiftSpeed(20, 1)).toBe(60);
    expect(shiftSpeed(20, -1)).toBe(10);
  });

  it("parses and labels", () => {
    expect(parseSpeed("60")).toBe(60);
    expect(parseSpeed("60x")).toBe(60);
    expect(parseSpeed("max")).toBe("max");
    expect(parseSpeed("0")).toBeNull();
    expect(parseSpeed("5000")).toBeNull();
    expect(parseSpeed(null)).toBeNull();
    expect(speedLabel(300)).toBe("300x");
  });
});
