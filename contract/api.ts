import type { z } from "./zod";
import type { Candle, Health, Instrument, NewsItem, Reaction, Study, Tick } from "./model";
import type { DataSource } from "./resolution";
import type { candlesQuery, newsQuery, postNewsBody, reactionsQuery, studyQuery, ticksQuery } from "./schemas";

// The JSON API as types: every route, what it takes and what it answers. Types only (the
// schemas are imported as types), so the browser's client uses it without loading zod.

/** No query parameters (any given are refused by the route's schema or ignored). */
type NoQuery = Record<string, never>;

/**
 * One route: `query` and `body` as a client sends them (z.input of the schema the route
 * reads them with), `parsedQuery`/`parsedBody` as the server holds them after parsing
 * (z.output), `answer` the 2xx body, `text` when it is text (CSV) rather than JSON.
 */
interface Route<Q extends z.ZodType | null, B extends z.ZodType | null, A, Text extends boolean = false> {
  query: Q extends z.ZodType ? z.input<Q> : NoQuery;
  parsedQuery: Q extends z.ZodType ? z.output<Q> : NoQuery;
  body: B extends z.ZodType ? z.input<B> : undefined;
  parsedBody: B extends z.ZodType ? z.output<B> : undefined;
  answer: A;
  text: Text;
}

/** `GET /api/instruments`: each instrument with `hasData` filled in. */
export type InstrumentListing = Instrument & { hasData: boolean };

/** Every route of docs/interface.md, keyed `METHOD path` as server/http/api-routes.ts is. */
export interface ApiRoutes {
  "GET /api/health": Route<null, null, Health>;
  "GET /api/instruments": Route<null, null, InstrumentListing[]>;
  /** Extension: where each instrument's stored prices came from. */
  "GET /api/sources": Route<null, null, DataSource[]>;
  "GET /api/ticks": Route<typeof ticksQuery, null, Tick[]>;
  "GET /api/candles": Route<typeof candlesQuery, null, Candle[]>;
  "GET /api/news": Route<typeof newsQuery, null, NewsItem[]>;
  /** Answers 201 with the stored headline. */
  "POST /api/news": Route<null, typeof postNewsBody, NewsItem>;
  "GET /api/reactions": Route<typeof reactionsQuery, null, Reaction[]>;
  "GET /api/reactions.csv": Route<typeof reactionsQuery, null, string, true>;
  "GET /api/study": Route<typeof studyQuery, null, Study>;
  "GET /api/study.csv": Route<typeof studyQuery, null, string, true>;
}

export type RouteKey = keyof ApiRoutes;
export type RouteMethod<K extends RouteKey> = K extends `${infer M} ${string}` ? M : never;
export type RoutePath<K extends RouteKey> = K extends `${string} ${infer P}` ? P : never;
export type RouteQuery<K extends RouteKey> = ApiRoutes[K]["query"];
export type ParsedQuery<K extends RouteKey> = ApiRoutes[K]["parsedQuery"];
export type RouteBody<K extends RouteKey> = ApiRoutes[K]["body"];
export type ParsedBody<K extends RouteKey> = ApiRoutes[K]["parsedBody"];
export type RouteAnswer<K extends RouteKey> = ApiRoutes[K]["answer"];

/** The routes a browser reads as JSON with GET. */
export type JsonGetRoute = {
  [K in RouteKey]: RouteMethod<K> extends "GET" ? (ApiRoutes[K]["text"] extends true ? never : K) : never;
}[RouteKey];
