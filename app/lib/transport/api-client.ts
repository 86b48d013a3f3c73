import type { DataSource } from "../../../contract/resolution";
import type { Candle, Health, Instrument, Interval, NewsItem, Tick } from "../../../contract/model";

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal: signal ?? null, headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${path}: HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

/** GET /api/health: which store and feed the server runs. */
export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return getJson("/api/health", signal);
}

/** GET /api/sources: where each instrument's stored prices came from. */
export function fetchSources(signal?: AbortSignal): Promise<DataSource[]> {
  return getJson("/api/sources", signal);
}

/** GET /api/instruments */
export function fetchInstruments(signal?: AbortSignal): Promise<Instrument[]> {
  return getJson("/api/instruments", signal);
}

/** GET /api/news, newest first; `to` (epoch ms, inclusive) leaves out later headlines. */
export function fetchNews(limit: number, signal?: AbortSignal, to?: number): Promise<NewsItem[]> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (to !== undefined) params.set("to", String(Math.floor(to)));
  return getJson(`/api/news?${params}`, signal);
}

/** GET /api/ticks: up to `limit` stored ticks after `afterSeq`, ascending. */
export function fetchTicks(symbol: string, afterSeq: number, limit: number, signal?: AbortSignal): Promise<Tick[]> {
  const params = new URLSearchParams({ symbol, afterSeq: String(afterSeq), limit: String(limit) });
  return getJson(`/api/ticks?${params}`, signal);
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
  const params = new URLSearchParams({ symbol: req.symbol, interval: req.interval });
  if (req.from !== undefined) params.set("from", String(Math.floor(req.from)));
  if (req.to !== undefined) params.set("to", String(Math.floor(req.to)));
  return getJson(`/api/candles?${params}`, signal);
}
