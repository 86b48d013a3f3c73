import { randomUUID } from "node:crypto";
import { AppError } from "../../contract/errors";
import type { NewsItem } from "../../contract/model";
import type { PostNewsBody } from "../../contract/schemas";
import type { AppContext } from "./context";

/** Stores a headline (tickers given plus tickers found in its text) and announces it. */
export async function createNews(ctx: AppContext, body: PostNewsBody): Promise<NewsItem> {
  for (const symbol of body.tickers ?? []) {
    if (!ctx.instruments.has(symbol))
      throw new AppError("bad_request", `tickers: "${symbol}" is not a known instrument`);
  }
  const found = ctx.tagger(body.headline, body.body);
  const tickers = [...new Set([...(body.tickers ?? []), ...found])].sort();
  const item: NewsItem = {
    id: randomUUID(),
    publishedAt: new Date(body.publishedAt).toISOString(),
    headline: body.headline,
    body: body.body,
    source: body.source,
    url: body.url ?? null,
    tickers,
  };
  await ctx.store.news.insert(item);
  ctx.news.emit(item);
  return item;
}
