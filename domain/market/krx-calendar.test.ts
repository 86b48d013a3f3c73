import { describe, expect, it } from "vitest";
import { KrxCalendar } from "./krx-calendar";

const calendar = new KrxCalendar();
// Seoul wall-clock time as epoch ms, written out by hand (KST = UTC+9).
const kst = (y: number, mo: number, d: number, h: number, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 9, mi, s);

describe("KrxCalendar trading days", () => {
  it("trades on ordinary weekdays and not on weekends", () => {
    expect(calendar.isTradingDay("2025-10-22")).toBe(true);
    expect(calendar.isTradingDay("2025-10-25")).toBe(false);
    expect(calendar.isTradingDay("2025-10-26")).toBe(false);
  });

  it("does not trade on KRX holidays such as the October 2025 closures", () => {
    for (const day of ["2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09"]) {
      expect(calendar.isTradingDay(day)).toBe(false);
      expect(calendar.sessionOf(day)).toBeNull();
    }
    expect(calendar.isTradingDay("2025-10-10")).toBe(true);
  });

  it("uses the holiday list it is given", () => {
    const noHolidays = new KrxCalendar(new Set());
    expect(noHolidays.isTradingDay("2025-10-03")).toBe(true);
    expect(noHolidays.isTradingDay("2025-10-04")).toBe(false);
  });
});

describe("KrxCalendar sessions", () => {
  it("runs an ordinary session from 09:00 to 15:30 Seoul time", () => {
    expect(calendar.sessionOf("2025-10-22")).toEqual({
      day: "2025-10-22",
      open: kst(2025, 10, 22, 9),
      close: kst(2025, 10, 22, 15, 30),
    });
  });

  it("opens at 10:00 on the first trading day of the year", () => {
    expect(calendar.sessionOf("2025-01-02")?.open).toBe(kst(2025, 1, 2, 10));
    expect(calendar.sessionOf("2026-01-02")?.open).toBe(kst(2026, 1, 2, 10));
    expect(calendar.sessionOf("2025-01-03")?.open).toBe(kst(2025, 1, 3, 9));
    expect(calendar.sessionOf("2025-01-02")?.close).toBe(kst(2025, 1, 2, 15, 30));
  });

  it("opens late on 1 January itself when that day is not a holiday", () => {
    const noHolidays = new KrxCalendar(new Set());
    expect(noHolidays.sessionOf("2025-01-01")?.open).toBe(kst(2025, 1, 1, 10));
    expect(noHolidays.sessionOf("2025-01-02")?.open).toBe(kst(2025, 1, 2, 9));
  });

  it("counts the open as inside the session and the close as outside", () => {
    expect(calendar.sessionAt(kst(2025, 10, 22, 9) - 1)).toBeNull();
    expect(calendar.sessionAt(kst(2025, 10, 22, 9))?.day).toBe("2025-10-22");
    expect(calendar.sessionAt(kst(2025, 10, 22, 12, 0))?.day).toBe("2025-10-22");
    expect(calendar.sessionAt(kst(2025, 10, 22, 15, 30) - 1)?.day).toBe("2025-10-22");
    expect(calendar.sessionAt(kst(2025, 10, 22, 15, 30))).toBeNull();
    expect(calendar.sessionAt(kst(2025, 1, 2, 9, 30))).toBeNull();
    expect(calendar.sessionAt(kst(2025, 10, 25, 11))).toBeNull();
  });

  it("finds the next and previous sessions across a holiday stretch", () => {
    expect(calendar.nextSession(kst(2025, 10, 2, 16)).day).toBe("2025-10-10");
    expect(calendar.nextSession(kst(2025, 10, 22, 12)).day).toBe("2025-10-22");
    expect(calendar.previousSession(kst(2025, 10, 10, 10)).day).toBe("2025-10-02");
    expect(calendar.previousSession(kst(2025, 10, 22, 15, 30)).day).toBe("2025-10-22");
    expect(calendar.previousSession(kst(2025, 10, 22, 15, 29)).day).toBe("2025-10-21");
  });

  it("lists consecutive trading days ending at a given day", () => {
    expect(calendar.tradingDaysEndingAt("2025-10-10", 3)).toEqual(["2025-10-01", "2025-10-02", "2025-10-10"]);
    expect(calendar.tradingDaysEndingAt("2025-10-26", 2)).toEqual(["2025-10-23", "2025-10-24"]);
  });
});

describe("KrxCalendar.firstTradableAt", () => {
  it("moves Saturday news to Monday's open", () => {
    expect(calendar.firstTradableAt(kst(2025, 10, 25, 11, 15))).toBe(kst(2025, 10, 27, 9));
  });

  it("moves evening news to the next morning's open", () => {
    expect(calendar.firstTradableAt(kst(2025, 10, 22, 16))).toBe(kst(2025, 10, 23, 9));
    expect(calendar.firstTradableAt(kst(2025, 10, 22, 15, 30))).toBe(kst(2025, 10, 23, 9));
  });

  it("moves early-morning news to the same day's open", () => {
    expect(calendar.firstTradableAt(kst(2025, 10, 22, 8))).toBe(kst(2025, 10, 22, 9));
  });

  it("leaves news inside the session where it is", () => {
    const t = kst(2025, 10, 22, 13, 7) + 250;
    expect(calendar.firstTradableAt(t)).toBe(t);
    expect(calendar.firstTradableAt(kst(2025, 10, 22, 9))).toBe(kst(2025, 10, 22, 9));
  });

  it("skips the whole early-October 2025 holiday stretch", () => {
    expect(calendar.firstTradableAt(kst(2025, 10, 3, 12))).toBe(kst(2025, 10, 10, 9));
    expect(calendar.firstTradableAt(kst(2025, 10, 2, 15, 45))).toBe(kst(2025, 10, 10, 9));
  });

  it("maps year-end news to the late opening of the new year", () => {
    expect(calendar.firstTradableAt(kst(2024, 12, 31, 12))).toBe(kst(2025, 1, 2, 10));
    expect(calendar.firstTradableAt(kst(2025, 12, 30, 16))).toBe(kst(2026, 1, 2, 10));
    expect(calendar.firstTradableAt(kst(2025, 1, 2, 9, 30))).toBe(kst(2025, 1, 2, 10));
  });
});

describe("KrxCalendar across the years", () => {
  it("opens at 10:00 and closes at 16:30 on the college-entrance-exam day", () => {
    expect(calendar.sessionOf("2020-12-03")).toEqual({
      day: "2020-12-03",
      open: kst(2020, 12, 3, 10),
      close: kst(2020, 12, 3, 16, 30),
    });
  });

  it("closed at 15:00 before 1 August 2016", () => {
    expect(calendar.sessionOf("2016-07-29")?.close).toBe(kst(2016, 7, 29, 15));
    expect(calendar.sessionOf("2016-08-01")?.close).toBe(kst(2016, 8, 1, 15, 30));
  });

  it("does not trade on 17 July 2026", () => {
    expect(calendar.isTradingDay("2026-07-17")).toBe(false);
    expect(calendar.nextSession(kst(2026, 7, 16, 16)).day).toBe("2026-07-20");
  });

  it("counts days present in imported history as trading days", () => {
    const cal = new KrxCalendar();
    expect(cal.sessionOf("2026-07-17")).toBeNull();
    cal.addTradingDays(["2026-07-17"]);
    expect(cal.isTradingDay("2026-07-17")).toBe(true);
    expect(cal.sessionOf("2026-07-17")?.open).toBe(kst(2026, 7, 17, 9));
    expect(cal.nextSession(kst(2026, 7, 16, 16)).day).toBe("2026-07-17");
  });

  it("shifts by trading days over weekends and holidays", () => {
    expect(calendar.shiftTradingDays("2021-01-08", -1)).toBe("2021-01-07");
    expect(calendar.shiftTradingDays("2021-01-04", -1)).toBe("2020-12-30"); // 31 Dec, 1 Jan closed
    expect(calendar.shiftTradingDays("2021-01-08", 1)).toBe("2021-01-11");
    expect(calendar.shiftTradingDays("2021-01-08", 0)).toBe("2021-01-08");
  });
});
