import { describe, expect, it } from "vitest";
import { INTERVAL_MS, bucketStartMs } from "./buckets";

// 2025-10-22 13:07:42.500 Seoul time = 04:07:42.500 UTC.
const t = Date.UTC(2025, 9, 22, 4, 7, 42, 500);

describe("bucketStartMs", () => {
  it("knows the length of each interval", () => {
    expect(INTERVAL_MS).toEqual({ "1s": 1_000, "1m": 60_000, "5m": 300_000, "1h": 3_600_000, "1d": 86_400_000 });
  });

  it("starts second, minute, five-minute and hour buckets on the clock", () => {
    expect(bucketStartMs(t, "1s")).toBe(Date.UTC(2025, 9, 22, 4, 7, 42));
    expect(bucketStartMs(t, "1m")).toBe(Date.UTC(2025, 9, 22, 4, 7));
    expect(bucketStartMs(t, "5m")).toBe(Date.UTC(2025, 9, 22, 4, 5));
    expect(bucketStartMs(t, "1h")).toBe(Date.UTC(2025, 9, 22, 4, 0)); // 13:00 Seoul
  });

  it("starts a day at midnight Seoul time (15:00 UTC the day before)", () => {
    expect(bucketStartMs(t, "1d")).toBe(Date.UTC(2025, 9, 21, 15));
    // 08:30 Seoul on the 22nd is still the 21st in UTC, but belongs to the Seoul day of the 22nd.
    expect(bucketStartMs(Date.UTC(2025, 9, 21, 23, 30), "1d")).toBe(Date.UTC(2025, 9, 21, 15));
    // 23:59:59.999 Seoul is the last instant of that day; midnight starts the next one.
    expect(bucketStartMs(Date.UTC(2025, 9, 22, 14, 59, 59, 999), "1d")).toBe(Date.UTC(2025, 9, 21, 15));
    expect(bucketStartMs(Date.UTC(2025, 9, 22, 15), "1d")).toBe(Date.UTC(2025, 9, 22, 15));
  });

  it("maps a bucket start to itself", () => {
    for (const interval of ["1s", "1m", "5m", "1h", "1d"] as const) {
      const start = bucketStartMs(t, interval);
      expect(bucketStartMs(start, interval)).toBe(start);
      expect(bucketStartMs(start - 1, interval)).toBe(start - INTERVAL_MS[interval]);
    }
  });
});
