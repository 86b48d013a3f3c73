import type { Instrument, NewsItem } from "../../contract/model";
import { describeIssue, postNewsBody } from "../../contract/schemas";
import { SHIPPED_INSTRUMENTS } from "../../domain/instruments";
import { createTagger } from "../../domain/tagging/tag-tickers";
import type { Store } from "../store/store";
import { type NewsCandidate, newsCandidates } from "./news-candidates";
import { newsIdOf } from "./news-id";
import { readNewsSource } from "./read-news-source";

/** What a news import stored, found already stored, and rejected (by 1-based item number). */
export interface NewsImportSummary {
  format: "json" | "rss" | "atom";
  items: number;
  added: number;
  /** Items whose id was stored already (an earlier import, or twice in this one). */
  duplicates: number;
  rejected: { item: number; reason: string }[];
}

type Checked = { ok: true; item: NewsItem } | { ok: false; reason: string };

/**
 * Imports headlines from a JSON array, an RSS 2.0 / Atom file, or a feed URL: each item
 * is checked like a POST /api/news body, tagged with the tickers its text names, and
 * stored under an id derived from its content, so importing the same source twice adds
 * nothing. Every item is checked before the first is stored.
 */
export async function importNews(store: Store, source: string): Promise<NewsImportSummary> {
  const { format, items, valid, rejected } = await readNewsItems(store, source);
  let added = 0;
  for (const item of valid) if (await store.news.insert(item)) added++;
  return { format, items, added, duplicates: valid.length - added, rejected };
}

/** Reads and checks the headlines of a news source as `importNews` does, without storing them. */
export async function readNewsItems(
  store: Store,
  source: string,
): Promise<Pick<NewsImportSummary, "format" | "items" | "rejected"> & { valid: NewsItem[] }> {
  const candidates = newsCandidates(await readNewsSource(source));
  const instruments = await knownInstruments(store);
  const known = new Set(instruments.map((i) => i.symbol));
  const tag = createTagger(instruments);

  const rejected: NewsImportSummary["rejected"] = [];
  const valid: NewsItem[] = [];
  for (const candidate of candidates.items) {
    const checked = check(candidate, known, tag);
    if (checked.ok) valid.push(checked.item);
    else rejected.push({ item: candidate.number, reason: checked.reason });
  }
  return { format: candidates.format, items: candidates.items.length, valid, rejected };
}

// The database's instruments, plus the shipped ones for a database the server has not
// seeded yet (the server upserts those at every start anyway).
async function knownInstruments(store: Store): Promise<Instrument[]> {
  const stored = await store.instruments.list();
  const symbols = new Set(stored.map((i) => i.symbol));
  return [...stored, ...SHIPPED_INSTRUMENTS.filter((i) => !symbols.has(i.symbol))];
}

function check(candidate: NewsCandidate, known: ReadonlySet<string>, tag: (...texts: string[]) => string[]): Checked {
  if ("problem" in candidate) return { ok: false, reason: candidate.problem };
  const parsed = postNewsBody.safeParse(candidate.body);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error) };
  const body = parsed.data;
  const unknown = body.tickers?.find((symbol) => !known.has(symbol));
  if (unknown) return { ok: false, reason: `tickers: unknown symbol ${unknown}` };
  const publishedAt = new Date(body.publishedAt).toISOString();
  const url = body.url ?? null;
  return {
    ok: true,
    item: {
      id: newsIdOf({ source: body.source, url, headline: body.headline, publishedAt }),
      publishedAt,
      headline: body.headline,
      body: body.body,
      source: body.source,
      url,
      tickers: [...new Set([...(body.tickers ?? []), ...tag(body.headline, body.body)])].sort(),
    },
  };
}
