import { describe, expect, it } from "vitest";
import { KST_FIELD_PATTERN, fromKstInput, toKstField, toKstInput } from "./kst-input";

const T = Date.parse("2025-10-22T13:07:00+09:00");

describe("KST datetime-local values", () => {
  it("writes the Asia/Seoul wall time", () => {
    expect(toKstInput(T)).toBe("2025-10-22T13:07:00");
    expect(toKstInput(Date.parse("2025-10-22T23:30:00Z"))).toBe("2025-10-23T08:30:00");
  });

  it("reads values with and without seconds", () => {
    expect(fromKstInput("2025-10-22T13:07")).toBe(T);
    expect(fromKstInput("2025-10-22T13:07:30")).toBe(T + 30_000);
    expect(fromKstInput(toKstInput(T + 5_000))).toBe(T + 5_000);
  });

  it("refuses what is not a date", () => {
    expect(fromKstInput("")).toBeNull();
    expect(fromKstInput("2025-02-31T10:00")).toBeNull();
    expect(fromKstInput("13:07")).toBeNull();
  });

  it("refuses hours past 23 and minutes past 59 rather than rolling them over", () => {
    expect(fromKstInput("2025-10-22 24:00")).toBeNull();
    expect(fromKstInput("2025-10-22 13:60")).toBeNull();
    expect(fromKstInput("2025-10-22 1:05 PM")).toBeNull();
  });
});

describe("KST 24-hour fields", () => {
  it("shows the afternoon as 13-23 o'clock, never AM/PM", () => {
    expect(toKstField(Date.parse("2025-10-22T12:37:00+09:00"))).toBe("2025-10-22 12:37:00");
    expect(toKstField(Date.parse("2025-10-22T04:37:00Z"))).toBe("2025-10-22 13:37:00");
    expect(toKstField(Date.parse("2025-10-22T15:00:00Z"))).toBe("2025-10-23 00:00:00");
  });

  it("reads back exactly what it writes, with a space or a T", () => {
    for (const ms of [
      T,
      T + 59_000,
      Date.parse("2025-12-31T23:59:59+09:00"),
      Date.parse("2024-02-29T00:00:00+09:00"),
    ]) {
      expect(fromKstInput(toKstField(ms))).toBe(ms);
    }
    expect(fromKstInput("2025-10-22 13:07")).toBe(T);
    expect(fromKstInput(" 2025-10-22 13:07:00 ")).toBe(T);
  });

  it("has a field pattern that matches what it writes and not 12-hour text", () => {
    const pattern = new RegExp(`^(?:${KST_FIELD_PATTERN})$`, "v");
    expect(pattern.test(toKstField(T))).toBe(true);
    expect(pattern.test("2025-10-22T13:07")).toBe(true);
    expect(pattern.test("2025-10-22 1:07:00 PM")).toBe(false);
  });
});
