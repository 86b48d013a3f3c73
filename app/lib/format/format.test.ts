import { describe, expect, it } from "vitest";
import { formatKstDate, formatKstStamp, formatKstTime, toKstIso } from "./format-kst";
import { arrowOf, directionOf, formatPercent, formatPrice, formatSignedPrice, formatSize } from "./format-number";

describe("prices", () => {
  it("prints whole won and index points with thousands separators", () => {
    expect(formatPrice(215_500, 0)).toBe("215,500");
    expect(formatPrice(3_812.449, 2)).toBe("3,812.45");
    expect(formatSize(12_400)).toBe("12,400");
  });

  it("spells out the sign of a change", () => {
    expect(formatSignedPrice(1_500, 0)).toBe("+1,500");
    expect(formatSignedPrice(-1_500, 0)).toBe("\u22121,500");
    expect(formatSignedPrice(0.001, 2)).toBe("0.00");
    expect(formatPercent(0.007)).toBe("+0.70%");
    expect(formatPercent(-0.0123)).toBe("\u22121.23%");
  });

  it("points arrows the way the displayed number goes", () => {
    expect(arrowOf(directionOf(12, 0))).toBe("\u25B2");
    expect(arrowOf(directionOf(-0.2, 0))).toBe("");
    expect(arrowOf(directionOf(-0.2, 2))).toBe("\u25BC");
  });
});

describe("Asia/Seoul times", () => {
  // 13:07:05 Seoul on Wednesday 22 Oct 2025.
  const t = Date.UTC(2025, 9, 22, 4, 7, 5);

  it("formats clock, date and news stamps in KST", () => {
    expect(formatKstTime(t)).toBe("13:07:05");
    expect(formatKstDate(t)).toBe("Wed 22 Oct 2025");
    expect(formatKstStamp(t)).toBe("22 Oct 13:07");
    expect(toKstIso(t)).toBe("2025-10-22T13:07:05+09:00");
  });

  it("crosses midnight in Seoul, not in UTC", () => {
    expect(formatKstDate(Date.UTC(2025, 9, 22, 15, 0))).toBe("Thu 23 Oct 2025");
  });
});
