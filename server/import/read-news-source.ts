import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fetchText } from "./fetch-text";
import { ImportError } from "./import-errors";

const FETCH_TIMEOUT_MS = 10_000;
const MAX_FETCH_BYTES = 5_000_000;
// News files are parsed whole (a JSON array, a feed); past this they belong in several files.
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** What a news source held: its text, and a name to fall back on when a feed has no title. */
export interface NewsSourceText {
  text: string;
  name: string;
}

/** Reads a news file, or fetches an http(s) URL (10 s, 5 MB at most). */
export async function readNewsSource(source: string): Promise<NewsSourceText> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const url = URL.canParse(source) ? new URL(source) : null;
    if (!url) throw new ImportError(`not a valid URL: ${source}`);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new ImportError(`only http(s) URLs can be fetched, not ${url.protocol}`);
    }
    const text = await fetchText(url.href, { timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_FETCH_BYTES });
    return { text: withoutBom(text), name: url.hostname };
  }
  const stats = await stat(source).catch(() => null);
  if (!stats) throw new ImportError(`file not found: ${source}`);
  if (!stats.isFile()) throw new ImportError(`not a file: ${source}`);
  if (stats.size > MAX_FILE_BYTES)
    throw new ImportError(`${source} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  return { text: withoutBom(await readFile(source, "utf8")), name: path.basename(source) };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
