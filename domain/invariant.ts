/**
 * Invariant helpers: say in code what must hold, and fail loudly, naming it, when it does not.
 * Prefer these to a bare `!` wherever the reason a value exists is not on the same line.
 */

/** `value`, which the caller knows is there; throws naming `what` when it is not. */
export function ensure<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`invariant broken: ${what} is missing`);
  return value;
}

/** The end of an exhaustive switch: does not compile while a case is unhandled. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`invariant broken: unexpected ${what} ${JSON.stringify(value)}`);
}
