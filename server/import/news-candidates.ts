import { MAX_NEWS_BYTES } from "../../contract/schemas";
import { ImportError } from "./import-errors";
import type { NewsSourceText } from "./read-news-source";
import { readFeed } from "./read-feed";
import { readNewsJson } from "./read-news-json";

/** One item to be checked against the POST /api/news schema, or the reason it cannot be. */
export type NewsCandidate = { number: number; body: unknown } | { number: number; problem: string };

/** The numbered items of one news source and the format they came in. */
export interface NewsCandidates {
  format: "json" | "rss" | "atom";
  items: NewsCandidate[];
}

const MAX_SOURCE_CHARS = 200;

/** Splits a news source into numbered items: a JSON array as is, a feed's entries mapped onto the API's fields. */
export function newsCandidates(source: NewsSourceText): NewsCandidates {
  const first = source.text.trimStart()[0];
  if (first === "[" || first === "{") {
    return { format: "json", items: readNewsJson(source.text).map((body, i) => ({ number: i + 1, body })) };
  }
  if (first !== "<") throw new ImportError("not a news file: expected a JSON array, RSS 2.0 or Atom");
  const feed = readFeed(source.text);
  const sourceName = (feed.title || source.name).slice(0, MAX_SOURCE_CHARS);
  const items = feed.entries.map((entry, i): NewsCandidate => {
    const number = i + 1;
    if (entry.publishedAt === null) {
      return { number, problem: "no publish date that parses" };
    }
    // A long article is still worth its headline: keep the body's start rather than drop the item.
    const body = entry.body.length > MAX_NEWS_BYTES ? `${entry.body.slice(0, MAX_NEWS_BYTES - 1)}…` : entry.body;
    return {
      number,
      body: { headline: entry.headline, body, publishedAt: entry.publishedAt, source: sourceName, url: entry.url },
    };
  });
  return { format: feed.format, items };
}
