import type { IncomingMessage } from "node:http";
import type { RouteAnswer, RouteKey } from "../../contract/api";
import {
  MAX_NEWS_BYTES,
  candlesQuery,
  newsQuery,
  postNewsBody,
  reactionsQuery,
  studyQuery,
  ticksQuery,
} from "../../contract/schemas";
import { createNews } from "../operations/create-news";
import type { AppContext } from "../operations/context";
import { getCandles } from "../operations/get-candles";
import { getReactions } from "../operations/get-reactions";
import { studyNow } from "../operations/study-now";
import { studyToCsv } from "./study-csv";
import { reactionsToCsv } from "./reactions-csv";
import { findNews } from "../operations/find-news";
import { findTicks } from "../operations/find-ticks";
import { getHealth } from "../operations/get-health";
import { listInstruments, listSources } from "../operations/list-instruments";
import { parseQueryWith, parseWith } from "../../contract/parse";
import { readJsonBody } from "./read-body";
import { type Answer, ok } from "./respond";

export interface RouteInput {
  ctx: AppContext;
  query: Record<string, string>;
  req: IncomingMessage;
}

/** The handler of route `K`: it answers contract/api.ts's answer type for `K`, or does not compile. */
export type Route<K extends RouteKey> = (input: RouteInput) => Promise<Answer<RouteAnswer<K>>>;

/** The JSON API of docs/interface.md: `METHOD path` -> handler. Each parses, calls, answers. */
export const apiRoutes = {
  "GET /api/health": async ({ ctx }) => ok(getHealth(ctx)),

  "GET /api/instruments": async ({ ctx }) => ok(listInstruments(ctx)),

  // Extension: where each instrument's stored prices came from (imports, tapes, the simulator).
  "GET /api/sources": async ({ ctx }) => ok(await listSources(ctx)),

  "GET /api/ticks": async ({ ctx, query }) => ok(await findTicks(ctx, parseWith(ticksQuery, query))),

  "GET /api/candles": async ({ ctx, query }) => ok(await getCandles(ctx, parseWith(candlesQuery, query))),

  "GET /api/news": async ({ ctx, query }) => ok(await findNews(ctx, parseWith(newsQuery, query))),

  "POST /api/news": async ({ ctx, req }) => {
    const body = parseWith(postNewsBody, await readJsonBody(req, MAX_NEWS_BYTES));
    return ok(await createNews(ctx, body), 201);
  },

  "GET /api/reactions": async ({ ctx, query }) => {
    const { newsId, asOf } = parseWith(reactionsQuery, query);
    return ok(await getReactions(ctx, newsId, asOf));
  },

  "GET /api/reactions.csv": async ({ ctx, query }) => {
    const { newsId, asOf } = parseWith(reactionsQuery, query);
    return {
      status: 200,
      body: reactionsToCsv(await getReactions(ctx, newsId, asOf)),
      contentType: "text/csv; charset=utf-8",
    };
  },

  "GET /api/study": async ({ ctx, query }) => ok(await studyNow(ctx, parseQueryWith(studyQuery, query))),

  "GET /api/study.csv": async ({ ctx, query }) => ({
    status: 200,
    body: studyToCsv(await studyNow(ctx, parseQueryWith(studyQuery, query))),
    contentType: "text/csv; charset=utf-8",
  }),
} satisfies { [K in RouteKey]: Route<K> };

/** Whether `key` (`METHOD path`) names a route. */
export const isRouteKey = (key: string): key is RouteKey => Object.hasOwn(apiRoutes, key);
