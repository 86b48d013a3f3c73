import { access } from "node:fs/promises";
import type { NewsItem } from "../../contract/model";
import { importInstrument } from "../import/import-instrument";
import { readNewsItems } from "../import/import-news";
import type { Store } from "../store/store";
import { type TapeRow, readTape } from "./read-tape";

/** A tape and the headlines of the news file beside it (FILE.news.json), checked before the start. */
export interface Tape {
  file: string;
  rows: TapeRow[];
  news: NewsItem[];
}

/** Reads the tape rows; fatal (naming the line) on the first bad one. Needs no database. */
export async function readTapeRows(file: string): Promise<Pick<Tape, "file" | "rows">> {
  return { file, rows: await readTape(file) };
}

/**
 * Makes the tape's instruments known and reads its news file, when there is one; a
 * headline that cannot be published is fatal too, naming its item.
 */
export async function prepareTape(tape: Pick<Tape, "file" | "rows">, store: Store): Promise<Tape> {
  const known = new Set((await store.instruments.list()).map((i) => i.symbol));
  const symbols = [...new Set(tape.rows.map((r) => r.symbol))].filter((s) => !known.has(s));
  if (symbols.length > 0) await store.instruments.upsert(symbols.map((s) => importInstrument(s)));
  const newsFile = `${tape.file}.news.json`;
  const exists = await access(newsFile).then(
    () => true,
    () => false,
  );
  if (!exists) return { ...tape, news: [] };
  const { valid, rejected } = await readNewsItems(store, newsFile).catch((error: Error) => {
    throw new Error(`tape news ${newsFile}: ${error.message}`);
  });
  const [bad] = rejected;
  if (bad) throw new Error(`tape news ${newsFile} item ${bad.item}: ${bad.reason}`);
  const news = [...valid].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
  return { ...tape, news };
}
