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
