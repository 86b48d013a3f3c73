import { AppError } from "../../contract/errors";
import type { Instrument, Reaction } from "../../contract/model";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { EVENT_WINDOW_MIN, computeReaction, reactionSpan } from "../../domain/reaction/compute-reaction";
import { addTradingTime } from "../../domain/market/trading-time";
import { type PriceSeries, toSeries } from "../../domain/reaction/price-series";
import type { Store } from "../store/store";
import type { AppContext } from "./context";

const MINUTE = 60_000;

/** What reactions are computed from: the store, the calendar, and the benchmark's symbol. */
export interface ReactionSource {
  store: Store;
  calendar: KrxCalendar;
  instruments: ReadonlyMap<string, Instrument>;
  benchmark: string;
}

/** One reaction per ticker of the headline, from the stored ticks as far as they reach. */
export async function getReactions(ctx: AppContext, newsId: string, asOf?: number): Promise<Reaction[]> {
  if (asOf !== undefined) {
    // As of an earlier time (a replay's clock): never cached, the viewer moves it on.
    const reach = Math.min(dataReach(ctx) ?? asOf, asOf);
    return reactionsAsOf(ctx, newsId, () => reach);
  }
  const reach = dataReach(ctx);
  const cached = ctx.reactionCache.get(newsId, reach);
  if (cached) return cached;
  const reactions = await reactionsAsOf(ctx, newsId, (publishedAt) => reach ?? publishedAt);
  ctx.reactionCache.set(newsId, reach, reactions);
  return reactions;
}

/** Reactions with the data taken to reach `asOf` (windows ending later are null). */
export async function reactionsAsOf(
  source: ReactionSource,
  newsId: string,
  asOf: (publishedAt: number) => number,
): Promise<Reaction[]> {
  const { store, calendar, benchmark } = source;
  const item = await store.news.get(newsId);
  if (!item) throw new AppError("not_found", `unknown news id ${newsId}`);
  const publishedAt = Date.parse(item.publishedAt);
  const reach = asOf(publishedAt);
  const span = reactionSpan(calendar, publishedAt);
  // Every trade where the reaction is measured; each minute's last trade elsewhere (the
  // estimation window and earlier days' volumes only look at whole minutes).
  const t0 = calendar.firstTradableAt(publishedAt);
  const end = Math.min(span.to, reach) + 1;
  const exactFrom = Math.floor((t0 - MINUTE) / MINUTE) * MINUTE;
  const exactTo = Math.min(end, Math.ceil(addTradingTime(calendar, t0, (EVENT_WINDOW_MIN + 1) * MINUTE) / MINUTE) * MINUTE);
  const load = async (symbol: string): Promise<PriceSeries> => {
    const [before, during, after] = await Promise.all([
      store.ticks.minuteCloses(symbol, span.from, exactFrom),
      store.ticks.trades(symbol, exactFrom, exactTo),
      exactTo < end ? store.ticks.minuteCloses(symbol, exactTo, end) : [],
    ]);
    return toSeries([...before, ...during, ...after]);
  };
  const market = source.instruments.has(benchmark) ? await load(benchmark) : null;

  const reactions: Reaction[] = [];
  for (const symbol of item.tickers) {
    const others = await store.news.find({ symbol, from: span.from, to: span.to, limit: 100 });
    const reaction = computeReaction({
      newsId,
      symbol,
      publishedAt,
      stock: symbol === benchmark && market ? market : await load(symbol),
      benchmark: symbol === benchmark ? null : market,
      otherNews: others.filter((n) => n.id !== newsId).map((n) => Date.parse(n.publishedAt)),
      asOf: reach,
      calendar,
    });
    if (reaction) reactions.push(reaction);
  }
  return reactions;
}

// How far the market data reaches: the live feed's clock where a feed runs here; with
// FEED=off, the close of the last session that has ticks (that session is over as far as
// we know); on a node that does not run the feed, the newest stored tick.
function dataReach(ctx: AppContext): number | null {
  const latest = ctx.market.latestTs();
  if (latest === null) return null;
  const clock = ctx.feed.clock();
  if (clock) return Math.max(latest, clock.t);
  if (ctx.feed.name === "off") return Math.max(latest, ctx.calendar.nextSession(latest).close);
  return latest;
}
