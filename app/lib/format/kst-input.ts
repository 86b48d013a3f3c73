import { KST_OFFSET_MS } from "../../../domain/market/kst";

// `<input type="datetime-local">` has no zone; the page reads and writes it as Asia/Seoul,
// whatever the browser's zone, like every other time on the page.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2025-10-22T13:05:00": the KST wall time of `ms`, as a datetime-local input value. */
export function toKstInput(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + KST_OFFSET_MS).toISOString().slice(0, 19);
}

/** The instant a KST datetime-local value names, or null when it is not one. */
export function fromKstInput(value: string): number | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - KST_OFFSET_MS;
  // Date.UTC rolls 31 Feb over into March; a value that does not round-trip is not a date.
  return toKstInput(ms).startsWith(`${y}-${mo}-${d}T${h}:${mi}`) ? ms : null;
}
