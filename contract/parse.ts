import type { z } from "zod";
import { AppError } from "./errors";
import { describeIssue } from "./schemas";

/** Reads `input` with a zod schema; an AppError naming the first bad field otherwise. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeIssue(result.error));
  return result.data;
}
