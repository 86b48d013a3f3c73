import { AppError } from "../../contract/errors";
import type { Reaction } from "../../contract/model";
import { BENCHMARK } from "../../domain/instruments";
import { computeReaction, reactionSpan } from "../../domain/reaction/compute-reaction";
import { type PriceSeries, toSeries } from "../../domain/reaction/price-series";
import type { AppContext } from "./context";

/** One reaction per ticker of the headline, from the stored ticks as far as they reach. */
export async function getReactions(ctx: AppContext, newsId: string): Promise<Reaction[]> {
  const item = await ctx.store.news.get(newsId);
  if (!item) throw new AppError("not_found", `unknown news id ${newsId}`);
  const publishedAt = Date.parse(item.publishedAt);
  const span = reactionSpan(ctx.calendar, publishedAt);
  const asOf = dataReach(ctx) ?? publishedAt;
  const load = async (symbol: string): Promise<PriceSeries> =>
    toSeries(await ctx.store.ticks.trades(symbol, span.from, Math.min(span.to, asOf) + 1));
  const benchmark = ctx.instruments.has(BENCHMARK) ? await load(BENCHMARK) : null;

  const reactions: Reaction[] = [];
  for (const symbol of item.tickers) {
    const others = await ctx.store.news.find({ symbol, from: span.from, to: span.to, limit: 100 });
    const reaction = computeReaction({
      newsId,
      symbol,
      publishedAt,
      stock: symbol === BENCHMARK && benchmark ? benchmark : await load(symbol),
      benchmark: symbol === BENCHMARK ? null : benchmark,
      otherNews: others.filter((n) => n.id !== newsId).map((n) => Date.parse(n.publishedAt)),
      asOf,
      calendar: ctx.calendar,
    });
    if (reaction) reactions.push(reaction);
  }
  return reactions;
}

// How far the market data reaches: the live feed's clock, or, with no feed running, the
// close of the last session that has ticks (that session is over as far as we know).
function dataReach(ctx: AppContext): number | null {
  const latest = ctx.market.latestTs();
  if (latest === null) return null;
  if (ctx.feed.name !== "off") return Math.max(latest, ctx.feed.clock().t);
  return Math.max(latest, ctx.calendar.nextSession(latest).close);
}
