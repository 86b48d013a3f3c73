import type { NewsItem } from "../../contract/model";
import { MAX_NEWS_LIMIT, type NewsQuery } from "../../contract/schemas";
import type { AppContext } from "./context";
import { requireInstrument } from "./require-instrument";

/** Stored headlines, newest first; `symbol`, when given, must be a known instrument. */
export async function findNews(ctx: AppContext, query: NewsQuery): Promise<NewsItem[]> {
  if (query.symbol) requireInstrument(ctx, query.symbol);
  return ctx.store.news.find(query);
}

/** The headlines naming any of `symbols` in [from, to], oldest first (what a replay plays). */
export async function newsNaming(
  ctx: AppContext,
  symbols: readonly string[],
  from: number,
  to: number,
): Promise<NewsItem[]> {
  const news = await ctx.store.news.find({ from, to, limit: MAX_NEWS_LIMIT });
  return news.filter((n) => n.tickers.some((s) => symbols.includes(s))).reverse();
}
