import type { z } from "./zod";
import { AppError } from "./errors";
import { describeIssue } from "./schemas";

/** Reads `input` with a zod schema; an AppError naming the first bad field otherwise. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeIssue(result.error));
  return result.data;
}

/** Like `parseWith` for a query string: the message also quotes the value the field had. */
export function parseQueryWith<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const field = result.error.issues[0]?.path[0];
  const raw = typeof field === "string" ? query[field] : undefined;
  const shown = raw === undefined ? "" : ` (got "${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}")`;
  throw new AppError("bad_request", `${describeIssue(result.error)}${shown}`);
}
