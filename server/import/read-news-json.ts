import { ImportError } from "./import-errors";

/** The items of a news JSON file: it must be one array; the items are checked later. */
export function readNewsJson(text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) {
    throw new ImportError(
      "expected a JSON array of news items ({ headline, body, publishedAt, source, url?, tickers? })",
    );
  }
  return value;
}
