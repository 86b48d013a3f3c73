import { describe, expect, it } from "vitest";
import { KRX_HOLIDAYS } from "./krx-holidays";

describe("KRX holiday list", () => {
  it("holds only real calendar dates written as YYYY-MM-DD", () => {
    for (const day of KRX_HOLIDAYS) {
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
    }
  });

  it("lists weekdays only, since weekends are closed anyway", () => {
    const weekends = [...KRX_HOLIDAYS].filter((day) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()));
    expect(weekends).toEqual([]);
  });

  it("includes the October 2025 closures and the year-end closing days", () => {
    for (const day of ["2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09"]) {
      expect(KRX_HOLIDAYS.has(day)).toBe(true);
    }
    for (const day of ["2024-12-31", "2025-01-01", "2025-12-31", "2026-01-01"]) expect(KRX_HOLIDAYS.has(day)).toBe(true);
    expect(KRX_HOLIDAYS.has("2025-10-10")).toBe(false);
    expect(KRX_HOLIDAYS.has("2025-10-22")).toBe(false);
  });
});
