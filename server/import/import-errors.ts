/** A problem that stops the whole import; whatever it wrote is undone first. */
export class ImportError extends Error {
  override readonly name = "ImportError";

  constructor(
    message: string,
    /** True when undoing the import failed too, so some of it is still in the database. */
    readonly leftPartial = false,
  ) {
    super(message);
  }
}

/** A problem with one row or news item: it is reported and skipped, the import goes on. */
export class RowError extends Error {
  override readonly name = "RowError";
}

/**
 * One line that says what went wrong. Prisma puts the driver's message on the last
 * line, after a line naming the call, so the last non-empty line is the useful one.
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? "unknown error"
  );
}
