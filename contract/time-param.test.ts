import { describe, expect, it } from "vitest";
import { parseTime, timeParam } from "./time-param";

// 2025-10-22 13:07 Seoul = 04:07 UTC.
const T = Date.UTC(2025, 9, 22, 4, 7);

describe("parseTime", () => {
  it("reads ISO 8601 with an offset", () => {
    expect(parseTime("2025-10-22T13:07:00+09:00")).toBe(T);
    expect(parseTime("2025-10-22T13:07:00+0900")).toBe(T);
    expect(parseTime("2025-10-22T04:07:00Z")).toBe(T);
    expect(parseTime("2025-10-21T23:07:00-05:00")).toBe(T);
    expect(parseTime("2025-10-22T04:07:00.250Z")).toBe(T + 250);
  });

  it("reads ISO 8601 without an offset as UTC", () => {
    expect(parseTime("2025-10-22T04:07:00")).toBe(T);
    expect(parseTime("2025-10-22T04:07")).toBe(T);
    expect(parseTime("2025-10-22 04:07:00")).toBe(T);
    expect(parseTime("2025-10-22")).toBe(Date.UTC(2025, 9, 22));
  });

  it("reads epoch milliseconds as a number or as digits", () => {
    expect(parseTime(T)).toBe(T);
    expect(parseTime(String(T))).toBe(T);
    expect(parseTime(` ${T} `)).toBe(T);
  });

  it("accepts 29 February only in leap years", () => {
    expect(parseTime("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseTime("2025-02-29")).toBeNull();
  });

  it.each([
    ["31 February", "2025-02-31"],
    ["month 13", "2025-13-01"],
    ["day 0", "2025-10-00"],
    ["year 10000", "10000-01-01"],
    ["year 10000 with a time", "10000-01-01T00:00:00Z"],
    ["an empty string", ""],
    ["blanks", "   "],
    ["words", "abc"],
    ["hour 25", "2025-10-22T25:00:00Z"],
    ["hour 24", "2025-10-22T24:00:00Z"],
    ["minute 60", "2025-10-22T13:60:00Z"],
    ["second 60", "2025-10-22T13:07:60Z"],
    ["an impossible offset", "2025-10-22T13:07:00+25:00"],
    ["a decimal epoch", `${T}.5`],
    ["an exponent", "1.76e12"],
    ["a negative epoch", `-${T}`],
    ["epoch seconds, which read as January 1970", String(T / 1000)],
    ["a date before 1990", "1989-12-31T23:59:59Z"],
    ["a date from 2100", "2100-01-01T00:00:00Z"],
    ["a trailing word", "2025-10-22T04:07:00Z now"],
  ])("rejects %s", (_label, raw) => {
    expect(parseTime(raw)).toBeNull();
  });

  it("rejects numbers that are not whole, finite milliseconds in range", () => {
    for (const n of [T + 0.5, Number.NaN, Number.POSITIVE_INFINITY, 0, -T, Date.UTC(2100, 0, 1)]) {
      expect(parseTime(n), String(n)).toBeNull();
    }
    expect(parseTime(Date.UTC(1990, 0, 1))).toBe(Date.UTC(1990, 0, 1));
  });
});

describe("timeParam", () => {
  it("turns a valid time into epoch milliseconds", () => {
    expect(timeParam.parse("2025-10-22T13:07:00+09:00")).toBe(T);
    expect(timeParam.parse(T)).toBe(T);
  });

  it("fails with a readable message on an invalid time", () => {
    const result = timeParam.safeParse("2025-02-31");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/ISO 8601/);
  });

  it("rejects overlong strings before parsing them", () => {
    expect(timeParam.safeParse(`2025-10-22T04:07:00.${"0".repeat(40)}Z`).success).toBe(false);
  });
});
