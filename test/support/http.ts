import type { Tick } from "../../contract/model";
/** A JSON answer: the status and the parsed body (null when the body is not JSON). */
export interface JsonAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Fetches `path` from `base` and parses the JSON body. */
export async function requestJson<T = unknown>(base: string, path: string, init?: RequestInit): Promise<JsonAnswer<T>> {
  const res = await fetch(new URL(path, base), { ...init, signal: init?.signal ?? AbortSignal.timeout(15_000) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Left null: the assertion on `body` then says what was expected instead.
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

/** GETs `path` and fails unless it answers 200; returns the body. */
export async function getOk<T>(base: string, path: string): Promise<T> {
  const answer = await requestJson<T>(base, path);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** POSTs `body` as JSON. */
export function postJson<T = unknown>(base: string, path: string, body: unknown): Promise<JsonAnswer<T>> {
  return requestJson<T>(base, path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Every stored tick of `symbols` between `from` and `to` (epoch ms), through GET /api/ticks. */
export async function storedTicks(base: string, symbols: readonly string[], from: number, to: number): Promise<Tick[]> {
  const all: Tick[] = [];
  for (const symbol of symbols) {
    const path = `/api/ticks?symbol=${encodeURIComponent(symbol)}&from=${from}&to=${to}&limit=10000`;
    all.push(...(await getOk<Tick[]>(base, path)));
  }
  return all;
}
