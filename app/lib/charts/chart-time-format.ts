import type { Interval } from "../../../contract/model";
import { kstParts } from "../format/format-kst";

// lightweight-charts' TickMarkType is a `const enum`, which isolatedModules cannot import;
// these are its documented values.
const TICK_YEAR = 0;
const TICK_MONTH = 1;
const TICK_DAY_OF_MONTH = 2;
const TICK_TIME_WITH_SECONDS = 4;

/**
 * Axis labels in Asia/Seoul. Bar times stay true UTC instants (never shifted); only the
 * text is Seoul's. A session starts at 09:00 KST = 00:00 UTC, so the library's UTC day
 * boundaries fall on session opens and get the day label, as a trader expects.
 */
export function tickMarkLabel(time: unknown, type: number): string | null {
  if (typeof time !== "number") return null;
  const p = kstParts(time * 1000);
  switch (type) {
    case TICK_YEAR:
      return p.year;
    case TICK_MONTH:
      return `${p.month} ${p.year}`;
    case TICK_DAY_OF_MONTH:
      return `${p.day} ${p.month}`;
    case TICK_TIME_WITH_SECONDS:
      return `${p.hour}:${p.minute}:${p.second}`;
    default:
      return `${p.hour}:${p.minute}`;
  }
}

/** The crosshair's time label for a bar of `interval`, in Asia/Seoul. */
export function crosshairLabel(time: unknown, interval: Interval): string {
  if (typeof time !== "number") return "";
  const p = kstParts(time * 1000);
  const date = `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  if (interval === "1d") return date;
  const clock = interval === "1s" ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${date} ${clock} KST`;
}
