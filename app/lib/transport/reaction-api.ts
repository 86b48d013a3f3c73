import { MAX_NEWS_LIMIT, MAX_TICKS_LIMIT } from "../../../contract/limits";
import type { NewsItem, Reaction, Tick } from "../../../contract/model";
import { ApiError, apiUrl, getApi } from "./api-client";

export { ApiError };

/** URL of a headline's reactions as JSON (also the download link). */
export function reactionsJsonUrl(newsId: string, asOf?: number | null): string {
  return apiUrl("GET /api/reactions", { newsId, asOf: asOf ?? undefined });
}

/** URL of a headline's reactions as CSV (the download link). */
export function reactionsCsvUrl(newsId: string): string {
  return apiUrl("GET /api/reactions.csv", { newsId });
}

// The server computes a reaction from several sessions of ticks on every request (about
// a second): views of one headline that ask at the same moment share one request.
const inFlight = new Map<string, Promise<Reaction[]>>();

/** One reaction per ticker of the headline; concurrent calls for one headline share a request. */
export function fetchReactions(newsId: string, asOf?: number | null): Promise<Reaction[]> {
  const url = reactionsJsonUrl(newsId, asOf);
  let pending = inFlight.get(url);
  if (!pending) {
    pending = getApi("GET /api/reactions", { newsId, asOf: asOf ?? undefined }).finally(() => inFlight.delete(url));
    inFlight.set(url, pending);
  }
  return pending;
}

/** Headlines, newest first; `from`/`to` in epoch ms. */
export function findNews(
  query: { from?: number; to?: number; limit?: number },
  signal?: AbortSignal,
): Promise<NewsItem[]> {
  return getApi("GET /api/news", { limit: query.limit ?? MAX_NEWS_LIMIT, from: query.from, to: query.to }, signal);
}

/** Every stored tick of `symbol` in [from, to] (epoch ms), paging past the API's limit by seq. */
export async function fetchTicksBetween(
  symbol: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<Tick[]> {
  const all: Tick[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await getApi("GET /api/ticks", { symbol, from, to, limit: MAX_TICKS_LIMIT, afterSeq }, signal);
    all.push(...page);
    const last = page[page.length - 1];
    if (page.length < MAX_TICKS_LIMIT || !last) return all;
    afterSeq = last.seq;
  }
}
