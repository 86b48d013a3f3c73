import { KST_OFFSET_MS } from "../../../domain/market/kst";

// Times are read and written as Asia/Seoul wall time, whatever the browser's zone, like
// every other time on the page. The replay fields are plain text inputs: a datetime-local
// input would show the browser locale's clock ("12:37:00 PM"), not KRX's 24-hour one.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** What a KST date-time field accepts (the `pattern` attribute; fromKstInput parses it). */
export const KST_FIELD_PATTERN = "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?";

/** "2025-10-22T13:05:00": the KST wall time of `ms`, ISO-like (the address writes it so). */
export function toKstInput(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + KST_OFFSET_MS).toISOString().slice(0, 19);
}

/** "2025-10-22 13:05:00": the KST wall time of `ms` as a field shows it, 24-hour. */
export function toKstField(ms: number): string {
  return toKstInput(ms).replace("T", " ");
}

/** The instant a KST value ("2025-10-22 13:05", "…T13:05:00") names, or null when it is not one. */
export function fromKstInput(value: string): number | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - KST_OFFSET_MS;
  // Date.UTC rolls 31 Feb over into March; a value that does not round-trip is not a date.
  return toKstInput(ms).startsWith(`${y}-${mo}-${d}T${h}:${mi}`) ? ms : null;
}
