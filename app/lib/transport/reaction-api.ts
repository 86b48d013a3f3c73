import type { NewsItem, Reaction, Tick } from "../../../contract/model";

// The API's page limits (CONTRACT.md). Not imported from contract/schemas: that module
// builds zod schemas at load and would pull zod into every page that shows a reaction.
const MAX_TICKS_LIMIT = 10_000;
const MAX_NEWS_LIMIT = 500;

/** An API answer that was not 2xx, with the contract's error code when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal: signal ?? null, headers: { accept: "application/json" }, cache: "no-store" });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? "http", body?.error?.message ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

/** URL of a headline's reactions as JSON (also the download link). */
export function reactionsJsonUrl(newsId: string, asOf?: number | null): string {
  const at = asOf === null || asOf === undefined ? "" : `&asOf=${asOf}`;
  return `/api/reactions?newsId=${encodeURIComponent(newsId)}${at}`;
}

/** URL of a headline's reactions as CSV (the download link). */
export function reactionsCsvUrl(newsId: string): string {
  return `/api/reactions.csv?newsId=${encodeURIComponent(newsId)}`;
}

// The server computes a reaction from several sessions of ticks on every request (about
// a second): views of one headline that ask at the same moment share one request.
const inFlight = new Map<string, Promise<Reaction[]>>();

/** One reaction per ticker of the headline; concurrent calls for one headline share a request. */
export function fetchReactions(newsId: string, asOf?: number | null): Promise<Reaction[]> {
  const url = reactionsJsonUrl(newsId, asOf);
  let pending = inFlight.get(url);
  if (!pending) {
    pending = getJson<Reaction[]>(url).finally(() => inFlight.delete(url));
    inFlight.set(url, pending);
  }
  return pending;
}

/** Headlines, newest first; `from`/`to` in epoch ms. */
export function findNews(query: { from?: number; to?: number; limit?: number }, signal?: AbortSignal): Promise<NewsItem[]> {
  const params = new URLSearchParams({ limit: String(query.limit ?? MAX_NEWS_LIMIT) });
  if (query.from !== undefined) params.set("from", String(query.from));
  if (query.to !== undefined) params.set("to", String(query.to));
  return getJson<NewsItem[]>(`/api/news?${params}`, signal);
}

/** Every stored tick of `symbol` in [from, to] (epoch ms), paging past the API's limit by seq. */
export async function fetchTicksBetween(symbol: string, from: number, to: number, signal?: AbortSignal): Promise<Tick[]> {
  const all: Tick[] = [];
  let afterSeq = 0;
  for (;;) {
    const params = new URLSearchParams({
      symbol,
      from: String(from),
      to: String(to),
      limit: String(MAX_TICKS_LIMIT),
      afterSeq: String(afterSeq),
    });
    const page = await getJson<Tick[]>(`/api/ticks?${params}`, signal);
    all.push(...page);
    const last = page[page.length - 1];
    if (page.length < MAX_TICKS_LIMIT || !last) return all;
    afterSeq = last.seq;
  }
}
