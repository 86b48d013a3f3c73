import type { IncomingMessage } from "node:http";
import { AppError } from "../../contract/errors";
import type { Health } from "../../contract/model";
import { MAX_NEWS_BYTES, candlesQuery, newsQuery, postNewsBody, reactionsQuery, studyQuery, ticksQuery } from "../../contract/schemas";
import { createNews } from "../operations/create-news";
import type { AppContext } from "../operations/context";
import { getCandles } from "../operations/get-candles";
import { dataReach, getReactions } from "../operations/get-reactions";
import { getStudy } from "../operations/get-study";
import { studyToCsv } from "./study-csv";
import { reactionsToCsv } from "./reactions-csv";
import { requireInstrument } from "../operations/require-instrument";
import { parseQueryWith, parseWith } from "../../contract/parse";
import { readJsonBody } from "./read-body";
import { type Answer, ok } from "./respond";
import { toDataSource } from "../store/store";

export interface RouteInput {
  ctx: AppContext;
  query: Record<string, string>;
  req: IncomingMessage;
}

export type Route = (input: RouteInput) => Promise<Answer>;

/** The JSON API of CONTRACT.md: `METHOD path` -> handler. Each parses, calls, answers. */
export const apiRoutes: Record<string, Route> = {
  "GET /api/health": async ({ ctx }) => {
    const status = ctx.feedStatus();
    // A feed that cannot store is not healthy, though the node still serves reads.
    if (status.state === "paused") throw new AppError("unavailable", `feed paused: ${status.reason}`);
    return ok({ ok: true, db: ctx.store.kind, feed: ctx.feed.name, node: ctx.node, leader: ctx.feed.isRunning } satisfies Health);
  },

  "GET /api/instruments": async ({ ctx }) =>
    ok([...ctx.instruments.values()].map((i) => ({ ...i, hasData: ctx.market.lastTick(i.symbol) !== null }))),

  // Extension: where each instrument's stored prices came from (imports, tapes, the simulator).
  "GET /api/sources": async ({ ctx }) => ok((await ctx.store.sources.list()).map(toDataSource)),

  "GET /api/ticks": async ({ ctx, query }) => {
    const q = parseWith(ticksQuery, query);
    requireInstrument(ctx, q.symbol);
    return ok(await ctx.store.ticks.find(q));
  },

  "GET /api/candles": async ({ ctx, query }) => ok(await getCandles(ctx, parseWith(candlesQuery, query))),

  "GET /api/news": async ({ ctx, query }) => {
    const q = parseWith(newsQuery, query);
    if (q.symbol) requireInstrument(ctx, q.symbol);
    return ok(await ctx.store.news.find(q));
  },

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
    return { status: 200, body: reactionsToCsv(await getReactions(ctx, newsId, asOf)), contentType: "text/csv; charset=utf-8" };
  },

  "GET /api/study": async ({ ctx, query }) => ok(await getStudy(ctx, parseQueryWith(studyQuery, query), dataReach(ctx))),

  "GET /api/study.csv": async ({ ctx, query }) => ({
    status: 200,
    body: studyToCsv(await getStudy(ctx, parseQueryWith(studyQuery, query), dataReach(ctx))),
    contentType: "text/csv; charset=utf-8",
  }),
};
