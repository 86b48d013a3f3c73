// Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact for
// every date the product deals with and keeps the domain free of time-zone lookups.
export const KST_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;

/** A trading day as `YYYY-MM-DD` in Asia/Seoul. */
export type DayKey = string;

/** The Asia/Seoul calendar day of an instant. */
export function dayKeyOf(ts: number): DayKey {
  // Asked for millions of times by the calendar; formatting a Date is the slow part.
  const day = Math.floor((ts + KST_OFFSET_MS) / DAY_MS);
  let key = dayKeys.get(day);
  if (key === undefined) {
    key = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayKeys.size < MAX_CACHED_DAYS) dayKeys.set(day, key);
  }
  return key;
}

const MAX_CACHED_DAYS = 100_000;
const dayKeys = new Map<number, DayKey>();
const midnights = new Map<DayKey, number>();

/** Epoch ms of `HH:MM` Asia/Seoul on `day`. */
export function kstTime(day: DayKey, hour: number, minute = 0): number {
  let midnight = midnights.get(day);
  if (midnight === undefined) {
    midnight = Date.parse(`${day}T00:00:00Z`) - KST_OFFSET_MS;
    if (midnights.size < MAX_CACHED_DAYS) midnights.set(day, midnight);
  }
  return midnight + (hour * 60 + minute) * 60_000;
}

/** The calendar day after `day`. */
export function nextDay(day: DayKey): DayKey {
  return dayKeyOf(kstTime(day, 0) + DAY_MS);
}

/** The calendar day before `day`. */
export function previousDay(day: DayKey): DayKey {
  return dayKeyOf(kstTime(day, 0) - DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, in Asia/Seoul. */
export function weekdayOf(day: DayKey): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
