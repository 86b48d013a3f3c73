import type { z } from "./zod";
import { AppError } from "./errors";
import { describeIssue } from "./schemas";

const MAX_SHOWN = 80;

/**
 * The value at `path` inside `input` (own keys only: `__proto__` is data here); undefined
 * when a key is missing. A path into what a transform made (`newsIds.1` of a comma list)
 * stops at the raw text it came from.
 */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return value;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** ` (got …)`: the offending value, short; objects and arrays by kind only. */
function shown(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string")
    return ` (got "${value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value}")`;
  if (Array.isArray(value)) return " (got an array)";
  if (value !== null && typeof value === "object") return " (got an object)";
  return typeof value === "number" || typeof value === "boolean" || value === null
    ? ` (got ${JSON.stringify(value)})`
    : "";
}

/** Reads `input` with a zod schema; otherwise an AppError naming the first bad field and its value. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AppError("bad_request", `${describeIssue(result.error)}${issue ? shown(valueAt(input, issue.path)) : ""}`);
}

/** `parseWith` for a query string (kept for its callers: the same message). */
export const parseQueryWith = <S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> =>
  parseWith(schema, query);
