/**
 * What a symbol may look like on the wire: KRX codes (`005380.KS`, `035720.KQ`) and
 * index symbols (`^KS11`). Anything else is rejected before a database or room lookup.
 */
export const SYMBOL_PATTERN = /^(?:\d{6}\.(?:KS|KQ)|\^[A-Z0-9]{2,10})$/;

export const MAX_SYMBOL_LENGTH = 12;

/** True when `value` is a well-formed symbol (it may still be unknown). */
export function isSymbol(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_SYMBOL_LENGTH && SYMBOL_PATTERN.test(value);
}
