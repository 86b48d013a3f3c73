import { z } from "./zod";

// Years outside this range are almost certainly typos and would only make long scans.
const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses ISO 8601 (calendar-checked: 31 Feb is rejected) or epoch ms; null when invalid. */
export function parseTime(raw: string | number): number | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= MIN_MS && raw < MAX_MS ? raw : null;
  const text = raw.trim();
  if (/^\d{1,15}$/.test(text)) return parseTime(Number(text));
  const m = ISO_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return null;
  // A date-time without an offset is ambiguous; we read it as UTC like Date.parse does for ISO.
  const normalized = m[4] !== undefined && m[8] === undefined ? `${text}Z` : text;
  const ms = Date.parse(normalized.replace(" ", "T"));
  return Number.isNaN(ms) ? null : parseTime(ms);
}

/** zod schema for a `from`/`to` value: ISO 8601 or epoch ms, out as epoch ms. */
export const timeParam = z.union([z.string().max(40), z.number()]).transform((raw, ctx) => {
  const ms = parseTime(raw);
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: "expected an ISO 8601 time or epoch milliseconds (1990–2099)" });
    return z.NEVER;
  }
  return ms;
});
