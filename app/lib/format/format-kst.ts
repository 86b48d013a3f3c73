// Every time a trader reads is Asia/Seoul, whatever the browser's zone. One formatter,
// taken apart with formatToParts, so each label is assembled the same way everywhere.
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Seoul",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The Asia/Seoul calendar and clock fields of an instant, as display strings. */
export interface KstParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
  second: string;
}

// The charts ask for the same axis and tape times on every frame they draw, and
// formatToParts is slow enough to show in a frame's profile: each instant is taken apart once.
const PARTS_CACHE_MAX = 4_096;
const cache = new Map<number, Readonly<KstParts>>();

/** Splits an epoch-ms instant into Asia/Seoul fields. */
export function kstParts(ms: number): Readonly<KstParts> {
  const known = cache.get(ms);
  if (known) return known;
  const out: KstParts = { weekday: "", day: "", month: "", year: "", hour: "", minute: "", second: "" };
  for (const part of parts.formatToParts(ms)) {
    if (part.type in out) out[part.type as keyof KstParts] = part.value;
  }
  if (cache.size >= PARTS_CACHE_MAX) cache.clear();
  cache.set(ms, out);
  return out;
}

/** "09:14:03" */
export function formatKstTime(ms: number): string {
  const p = kstParts(ms);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** "09:14" */
export function formatKstHourMinute(ms: number): string {
  const p = kstParts(ms);
  return `${p.hour}:${p.minute}`;
}

/** "Thu 23 Oct 2025" */
export function formatKstDate(ms: number): string {
  const p = kstParts(ms);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "23 Oct 13:07" — the news feed's stamp. */
export function formatKstStamp(ms: number): string {
  const p = kstParts(ms);
  return `${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** ISO 8601 with the +09:00 offset, for `<time dateTime>`. */
export function toKstIso(ms: number): string {
  const p = kstParts(ms);
  const date = new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
  return `${date}T${p.hour}:${p.minute}:${p.second}+09:00`;
}
