import { describe, expect, it } from "vitest";
import { DAY_MS, KST_OFFSET_MS, dayKeyOf, kstTime, nextDay, previousDay, weekdayOf } from "./kst";

describe("kst helpers", () => {
  it("uses a fixed nine-hour offset and a 24-hour day", () => {
    expect(KST_OFFSET_MS).toBe(32_400_000);
    expect(DAY_MS).toBe(86_400_000);
  });

  it("places 13:07 Seoul time on 22 October 2025 at 04:07 UTC", () => {
    expect(kstTime("2025-10-22", 13, 7)).toBe(Date.UTC(2025, 9, 22, 4, 7));
    expect(kstTime("2025-10-22", 9)).toBe(Date.UTC(2025, 9, 22, 0, 0));
    expect(kstTime("2025-10-22", 0)).toBe(Date.UTC(2025, 9, 21, 15, 0));
  });

  it("reads the Seoul calendar day, which starts at 15:00 UTC the day before", () => {
    expect(dayKeyOf(Date.UTC(2025, 9, 21, 14, 59, 59, 999))).toBe("2025-10-21");
    expect(dayKeyOf(Date.UTC(2025, 9, 21, 15, 0))).toBe("2025-10-22");
    expect(dayKeyOf(Date.UTC(2025, 9, 22, 14, 59))).toBe("2025-10-22");
  });

  it("steps across month, year and leap-day boundaries", () => {
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(previousDay("2024-03-01")).toBe("2024-02-29");
    expect(previousDay("2025-03-01")).toBe("2025-02-28");
  });

  it("names weekdays with Sunday as 0", () => {
    expect(weekdayOf("2025-10-22")).toBe(3); // a Wednesday
    expect(weekdayOf("2025-10-25")).toBe(6);
    expect(weekdayOf("2025-10-26")).toBe(0);
    expect(weekdayOf("2025-10-27")).toBe(1);
  });
});
