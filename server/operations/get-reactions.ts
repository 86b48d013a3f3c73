import { AppError } from "../../contract/errors";
import type { Instrument, Reaction, Resolution } from "../../contract/model";
import { isIntraday } from "../../contract/resolution";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { DAY_MS, kstTime } from "../../domain/market/kst";
import { EVENT_WINDOW_MIN, computeReaction, reactionSpan } from "../../domain/reaction/compute-reaction";
import { type DailyBar, dailySpan } from "../../domain/reaction/daily-study";
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
  const exactTo = Math.min(
    end,
    Math.ceil(addTradingTime(calendar, t0, (EVENT_WINDOW_MIN + 1) * MINUTE) / MINUTE) * MINUTE,
  );
  const load = async (symbol: string): Promise<PriceSeries> => {
    const [before, during, after] = await Promise.all([
      store.ticks.minuteCloses(symbol, span.from, exactFrom),
      store.ticks.trades(symbol, exactFrom, exactTo),
      exactTo < end ? store.ticks.minuteCloses(symbol, exactTo, end) : [],
    ]);
    return toSeries([...before, ...during, ...after]);
  };

  // The finest resolution around t0: intraday when the sessions the intraday windows read
  // (the one before t0's, t0's, the next) hold ticks or sub-daily bars; else daily.
  const eventSession = calendar.nextSession(t0);
  const eventFrom = calendar.previousSession(eventSession.open).open;
  const eventTo = calendar.nextSession(eventSession.close).close;
  const resolutionOf = async (symbol: string): Promise<Resolution> =>
    (await store.ticks.resolutions(symbol, eventFrom, eventTo)).some(isIntraday) ? "intraday" : "daily";
  // The intraday estimation and volume look-backs read the sessions before t0's: daily bars
  // there (a few made-up prints a day) cannot stand in for minute returns.
  const estimationFrom = span.from;
  const estimationTo = eventSession.open;
  const intradayBefore = async (symbol: string) =>
    (await store.ticks.resolutions(symbol, estimationFrom, estimationTo)).every(isIntraday);

  // Daily closes for the daily study: imported daily bars, or each Seoul day's last trade.
  // A few calendar days of slack either side: the calendar may learn trading days from them.
  const days = dailySpan(calendar, publishedAt);
  const dailyFrom = kstTime(days.from, 0) - 10 * DAY_MS;
  const dailyTo = Math.min(kstTime(days.to, 0) + 10 * DAY_MS, reach + 1);
  const loadDaily = async (symbol: string): Promise<DailyBar[]> => {
    const closes = await store.ticks.dailyCloses(symbol, dailyFrom, dailyTo);
    // Days present in stored history are trading days, whatever the holiday lists say.
    calendar.addTradingDays(closes.map((c) => c.day));
    return closes.map((c) => ({ day: c.day, close: c.close, volume: c.volume }));
  };

  const hasBenchmark = source.instruments.has(benchmark);
  const marketDaily = hasBenchmark ? await loadDaily(benchmark) : null;
  let market: PriceSeries | null | undefined;
  const marketSeries = async () =>
    market === undefined ? (market = hasBenchmark ? await load(benchmark) : null) : market;

  const reactions: Reaction[] = [];
  for (const symbol of item.tickers) {
    const others = await store.news.find({
      symbol,
      from: Math.min(span.from, dailyFrom),
      to: Math.max(span.to, dailyTo),
      limit: 1000,
    });
    const resolution = await resolutionOf(symbol);
    const isBenchmark = symbol === benchmark;
    const stockDaily = isBenchmark && marketDaily ? marketDaily : await loadDaily(symbol);
    const intraday = resolution === "intraday";
    const bench = intraday ? await marketSeries() : null;
    const intradayHistory =
      intraday && (await intradayBefore(symbol)) && (isBenchmark || !hasBenchmark || (await intradayBefore(benchmark)));
    const reaction = computeReaction({
      newsId,
      symbol,
      publishedAt,
      stock: !intraday ? toSeries([]) : isBenchmark && bench ? bench : await load(symbol),
      benchmark: isBenchmark ? null : bench,
      otherNews: others.filter((n) => n.id !== newsId).map((n) => Date.parse(n.publishedAt)),
      asOf: reach,
      calendar,
      resolution,
      intradayHistory,
      daily: { stock: stockDaily, benchmark: isBenchmark ? null : marketDaily },
    });
    if (reaction) reactions.push(reaction);
  }
  return reactions;
}

/** How far the market data reaches (see below). */
// How far the market data reaches: the live feed's clock where a feed runs here; with
// FEED=off, the close of the last session that has ticks (that session is over as far as
// we know); on a node that does not run the feed, the newest stored tick.
export function dataReach(ctx: AppContext): number | null {
  const latest = ctx.market.latestTs();
  if (latest === null) return null;
  const clock = ctx.feed.clock();
  if (clock) return Math.max(latest, clock.t);
  if (ctx.feed.name === "off") return settledReach(ctx.calendar, latest);
  return latest;
}

/**
 * How far the data reaches when nothing is adding to it (no feed, or a CLI reading the
 * database): up to the close of the session after the last tick, so windows the data
 * never reached are final ("no data") rather than still pending.
 */
export function settledReach(calendar: KrxCalendar, latest: number): number {
  return Math.max(latest, calendar.nextSession(latest).close);
}
