import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMPUTED_YEARS, computePublicHolidays } from "../../scripts/krx-holidays/compute";
import { KRX_CALENDAR_YEARS, KRX_HOLIDAYS, yearEndClosingDay } from "./krx-holidays";
import { COMPUTED_PUBLIC_HOLIDAYS } from "./krx-holidays-computed";

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
    for (const day of ["2024-12-31", "2025-01-01", "2025-12-31", "2026-01-01"])
      expect(KRX_HOLIDAYS.has(day)).toBe(true);
    expect(KRX_HOLIDAYS.has("2025-10-10")).toBe(false);
    expect(KRX_HOLIDAYS.has("2025-10-22")).toBe(false);
  });
});

describe("KRX holidays for every year the data covers", () => {
  it("knows the 2020–2021 closures (gazette list: elections, substitute and one-off days)", () => {
    for (const day of [
      "2020-01-24",
      "2020-01-27",
      "2020-04-15",
      "2020-04-30",
      "2020-05-01",
      "2020-08-17",
      "2020-09-30",
      "2020-10-01",
      "2020-10-02",
      "2020-10-09",
      "2020-12-25",
      "2020-12-31",
      "2021-01-01",
      "2021-02-11",
      "2021-02-12",
      "2021-08-16",
      "2021-10-04",
      "2021-10-11",
    ]) {
      expect(KRX_HOLIDAYS.has(day), day).toBe(true);
    }
    expect(KRX_HOLIDAYS.has("2021-01-08")).toBe(false);
  });

  it("closes on 17 July 2026 (Constitution Day, a public holiday again) and not on 17 July 2025", () => {
    expect(KRX_HOLIDAYS.has("2026-07-17")).toBe(true);
    expect(KRX_HOLIDAYS.has("2025-07-17")).toBe(false);
  });

  it("closes on the last weekday of the year and on Labour Day", () => {
    expect(yearEndClosingDay(2020)).toBe("2020-12-31");
    expect(yearEndClosingDay(2022)).toBe("2022-12-30"); // 31 Dec a Saturday
    expect(yearEndClosingDay(2023)).toBe("2023-12-29"); // 31 Dec a Sunday
    for (const day of ["2022-12-30", "2023-12-29", "2019-05-01", "2008-05-01", "2012-12-31"])
      expect(KRX_HOLIDAYS.has(day), day).toBe(true);
  });

  it("knows years outside the gazette list through date-holidays, and election days", () => {
    expect(KRX_CALENDAR_YEARS.from).toBeLessThanOrEqual(2000);
    for (const day of [
      "2010-09-21",
      "2010-09-22",
      "2010-09-23",
      "2015-09-28",
      "2016-02-08",
      "2016-02-10",
      "2016-04-13",
      "2017-05-09",
      "2017-10-02",
      "2006-07-17",
      "2030-02-04",
    ]) {
      expect(KRX_HOLIDAYS.has(day), day).toBe(true);
    }
    // Hangul Day was a working day from 1991 to 2012, Constitution Day from 2008 to 2025.
    expect(KRX_HOLIDAYS.has("2012-10-09")).toBe(false);
    expect(KRX_HOLIDAYS.has("2013-10-09")).toBe(true);
    expect(KRX_HOLIDAYS.has("2015-07-17")).toBe(false);
  });

  it("ships the computed table date-holidays gives today (npm run holidays rewrites it)", () => {
    for (const year of COMPUTED_YEARS)
      expect([...COMPUTED_PUBLIC_HOLIDAYS[year]!], String(year)).toEqual(computePublicHolidays(year));
  });

  it("agrees day for day with real Yahoo daily history of KOSPI, Dec 2019 – Feb 2021", () => {
    const file = fileURLToPath(new URL("../../test/fixtures/yahoo/KS11.csv", import.meta.url));
    const traded = new Set(
      readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.slice(0, 10)),
    );
    const weekdays: string[] = [];
    for (let t = Date.parse("2019-12-02T00:00:00Z"); t <= Date.parse("2021-02-26T00:00:00Z"); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (![0, 6].includes(new Date(t).getUTCDay())) weekdays.push(day);
    }
    const trading = weekdays.filter((day) => !KRX_HOLIDAYS.has(day));
    expect(trading).toEqual([...traded].sort());
  });
});
