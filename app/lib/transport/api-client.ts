import type { JsonGetRoute, RouteAnswer, RouteKey, RouteQuery } from "../../../contract/api";
import type { DataSource } from "../../../contract/resolution";
import type { Candle, Health, Instrument, Interval, NewsItem, Tick } from "../../../contract/model";

// The one way the browser calls the REST API: routes, queries and answers typed by
// contract/api.ts (types only, so no zod in the bundle).

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

/** The address of `route` with `query` (also for download links). */
export function apiUrl<K extends RouteKey>(route: K, query: RouteQuery<K>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, string | number | boolean | undefined>)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const path = route.slice(route.indexOf(" ") + 1);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** GETs a JSON route; an ApiError with the server's message when it answers 4xx/5xx. */
export async function getApi<K extends JsonGetRoute>(
  route: K,
  query: RouteQuery<K>,
  signal?: AbortSignal,
): Promise<RouteAnswer<K>> {
  const url = apiUrl(route, query);
  const res = await fetch(url, { signal: signal ?? null, headers: { accept: "application/json" }, cache: "no-store" });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? "http", body?.error?.message ?? `${url}: HTTP ${res.status}`);
  }
  return (await res.json()) as RouteAnswer<K>;
}

/** GET /api/health: which store and feed the server runs. */
export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return getApi("GET /api/health", {}, signal);
}

/** GET /api/sources: where each instrument's stored prices came from. */
export function fetchSources(signal?: AbortSignal): Promise<DataSource[]> {
  return getApi("GET /api/sources", {}, signal);
}

/** GET /api/instruments */
export function fetchInstruments(signal?: AbortSignal): Promise<Instrument[]> {
  return getApi("GET /api/instruments", {}, signal);
}

/** GET /api/news, newest first; `to` (epoch ms, inclusive) leaves out later headlines. */
export function fetchNews(limit: number, signal?: AbortSignal, to?: number): Promise<NewsItem[]> {
  return getApi("GET /api/news", { limit, to: to === undefined ? undefined : Math.floor(to) }, signal);
}

/** GET /api/ticks: up to `limit` stored ticks after `afterSeq`, ascending. */
export function fetchTicks(symbol: string, afterSeq: number, limit: number, signal?: AbortSignal): Promise<Tick[]> {
  return getApi("GET /api/ticks", { symbol, afterSeq, limit }, signal);
}

/** What bars to ask for; without `from` the server picks the interval's default window. */
export interface CandlesRequest {
  symbol: string;
  interval: Interval;
  /** Epoch ms, exclusive. */
  to?: number | undefined;
  from?: number | undefined;
}

/** GET /api/candles */
export function fetchCandles(req: CandlesRequest, signal?: AbortSignal): Promise<Candle[]> {
  const floor = (ms: number | undefined) => (ms === undefined ? undefined : Math.floor(ms));
  return getApi(
    "GET /api/candles",
    { symbol: req.symbol, interval: req.interval, from: floor(req.from), to: floor(req.to) },
    signal,
  );
}
