import { describe, expect, it } from "vitest";
import { fromKstInput, toKstInput } from "./kst-input";

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
});
