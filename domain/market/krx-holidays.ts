import * as gazette from "@hyunbinseo/holidays-kr/all";
import { COMPUTED_PUBLIC_HOLIDAYS } from "./krx-holidays-computed";
import type { DayKey } from "./kst";

/** The years the calendar knows holidays for; outside them only weekends close. */
export const KRX_CALENDAR_YEARS = { from: 2000, to: 2035 } as const;
/** Years whose public holidays come from the official gazette (elections and one-off days included). */
export const GAZETTE_YEARS = { from: 2018, to: 2027 } as const;

/**
 * Closures of the Korea Exchange that are not public holidays, or that the computed
 * holidays (years outside the gazette list) cannot know: election days and one-off
 * public holidays before 2018. Labour Day and the year-end closing day follow rules, below.
 */
export const KRX_EXTRA_CLOSURES: readonly DayKey[] = [
  // Election days (public holidays by law, not computable).
  "2000-04-13",
  "2002-06-13",
  "2002-12-19",
  "2004-04-15",
  "2006-05-31",
  "2007-12-19",
  "2008-04-09",
  "2010-06-02",
  "2012-04-11",
  "2012-12-19",
  "2014-06-04",
  "2016-04-13",
  "2017-05-09",
  // One-off public holidays declared by the government.
  "2002-07-01",
  "2015-08-14",
  "2016-05-06",
  "2017-10-02",
];

/**
 * College-entrance-exam days (수능): the exchange opens an hour late, 10:00–16:30. Listed
 * from 2010; the exam date is set each year by the Ministry of Education.
 */
export const KRX_LATE_OPEN_DAYS: ReadonlySet<DayKey> = new Set([
  "2010-11-18",
  "2011-11-10",
  "2012-11-08",
  "2013-11-07",
  "2014-11-13",
  "2015-11-12",
  "2016-11-17",
  "2017-11-23",
  "2018-11-15",
  "2019-11-14",
  "2020-12-03",
  "2021-11-18",
  "2022-11-17",
  "2023-11-16",
  "2024-11-14",
  "2025-11-13",
  "2026-11-19",
]);

function isWeekday(day: DayKey): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The exchange's year-end closing day: 31 December, or the last weekday before it. */
export function yearEndClosingDay(year: number): DayKey {
  for (let date = 31; ; date--) {
    const day = `${year}-12-${String(date).padStart(2, "0")}`;
    if (isWeekday(day)) return day;
  }
}

function publicHolidays(year: number): readonly DayKey[] {
  if (year >= GAZETTE_YEARS.from && year <= GAZETTE_YEARS.to) {
    const list = (gazette as Record<string, Record<string, unknown>>)[`y${year}`];
    return list ? Object.keys(list) : [];
  }
  return COMPUTED_PUBLIC_HOLIDAYS[year] ?? [];
}

function buildHolidays(): Set<DayKey> {
  const days = new Set<DayKey>();
  for (let year = KRX_CALENDAR_YEARS.from; year <= KRX_CALENDAR_YEARS.to; year++) {
    for (const day of publicHolidays(year)) days.add(day);
    days.add(`${year}-05-01`); // Labour Day: the exchange closes (a public holiday from 2026)
    days.add(yearEndClosingDay(year));
  }
  for (const day of KRX_EXTRA_CLOSURES) days.add(day);
  return new Set([...days].filter(isWeekday).sort());
}

/**
 * Weekdays the Korea Exchange is closed, 2000–2035: public holidays (the official gazette
 * list for 2018–2027, date-holidays' computation for the other years), election days and
 * one-off holidays, Labour Day (1 May) and the year-end closing day.
 */
export const KRX_HOLIDAYS: ReadonlySet<DayKey> = buildHolidays();
