import { AppError } from "../../contract/errors";
import type { NewsItem, Study } from "../../contract/model";
import { MAX_STUDY_EVENTS, type StudyQuery } from "../../contract/schemas";
import { DAY_MS, kstTime } from "../../domain/market/kst";
import { addTradingTime } from "../../domain/market/trading-time";
import { EVENT_WINDOW_MIN, reactionSpan } from "../../domain/reaction/compute-reaction";
import { type DailyBar, dailySpan } from "../../domain/reaction/daily-study";
import { type PriceSeries, toSeries } from "../../domain/reaction/price-series";
import { dailyConfounds, dailyStudyEvent } from "../../domain/study/daily-events";
import { matchesHeadline, parseHeadlineQuery } from "../../domain/study/headline-query";
import { intradayConfounds, intradayStudyEvent } from "../../domain/study/intraday-events";
import { runStudy } from "../../domain/study/run-study";
import { DAILY_DESIGN, INTRADAY_DESIGN } from "../../domain/study/study-design";
import type { Trade } from "../store/store";
import type { ReactionSource } from "./get-reactions";
import { requireInstrument } from "./require-instrument";

const MINUTE = 60_000;

/** The headlines naming `symbol` that the query picks, oldest first. */
export async function findStudyHeadlines(source: ReactionSource, query: StudyQuery): Promise<NewsItem[]> {
  const found = await source.store.news.find({
    symbol: query.symbol,
    from: query.from,
    to: query.to,
    limit: MAX_STUDY_EVENTS + 1,
  });
  if (found.length > MAX_STUDY_EVENTS) {
    throw new AppError(
      "bad_request",
      `the query picks more than ${MAX_STUDY_EVENTS} headlines: narrow it with q, source, from or to`,
    );
  }
  const text = parseHeadlineQuery(query.q ?? "");
  const ids = query.newsIds ? new Set(query.newsIds) : null;
  const source_ = query.source?.trim().toLowerCase();
  return found
    .filter((n) => !ids || ids.has(n.id))
    .filter((n) => !source_ || n.source.toLowerCase() === source_)
    .filter((n) => matchesHeadline(text, n))
    .reverse();
}

/** A study of the picked headlines for one symbol, from one batched read of its prices. */
export async function getStudy(source: ReactionSource, query: StudyQuery, reach: number | null): Promise<Study> {
  requireInstrument(source, query.symbol);
  const { calendar, benchmark } = source;
  const headlines = await findStudyHeadlines(source, query);
  if (query.resolution === "daily") return dailyStudy(source, query, headlines, reach);
  const publishedAt = headlines.map((n) => Date.parse(n.publishedAt));
  const asOf = (t: number) => reach ?? t;
  const hasBenchmark = query.symbol !== benchmark && source.instruments.has(benchmark);
  const [stock, market] = await Promise.all([
    loadStudySeries(source, query.symbol, publishedAt, asOf),
    hasBenchmark ? loadStudySeries(source, benchmark, publishedAt, asOf) : Promise.resolve(null),
  ]);
  const events = headlines.map((n, i) =>
    intradayStudyEvent({
      newsId: n.id,
      publishedAt: publishedAt[i]!,
      stock,
      benchmark: market,
      asOf: asOf(publishedAt[i]!),
      calendar,
    }),
  );
  return runStudy(events, {
    symbol: query.symbol,
    benchmark,
    design: INTRADAY_DESIGN,
    confounds: intradayConfounds(calendar),
    headlines: new Map(headlines.map((n) => [n.id, n.headline])),
  });
}

/**
 * A daily study: the daily closes of the symbol and the benchmark read once over every
 * headline's span, each headline measured by the daily reaction's maths (the symbol's
 * other headlines leave its estimation window, as on the card).
 */
async function dailyStudy(
  source: ReactionSource,
  query: StudyQuery,
  headlines: readonly NewsItem[],
  reach: number | null,
): Promise<Study> {
  const { store, calendar, benchmark } = source;
  const publishedAt = headlines.map((n) => Date.parse(n.publishedAt));
  const asOf = (t: number) => reach ?? t;
  // Each headline's span as the card reads it: a few calendar days of slack either side.
  const spans = publishedAt.map((t) => {
    const days = dailySpan(calendar, t);
    return { from: kstTime(days.from, 0) - 10 * DAY_MS, to: Math.min(kstTime(days.to, 0) + 10 * DAY_MS, asOf(t) + 1) };
  });
  const from = Math.min(...spans.map((s) => s.from));
  const to = Math.max(...spans.map((s) => s.to));
  const loadDaily = async (symbol: string): Promise<DailyBar[]> => {
    if (headlines.length === 0) return [];
    const closes = await store.ticks.dailyCloses(symbol, from, to);
    // Days present in stored history are trading days, whatever the holiday lists say.
    calendar.addTradingDays(closes.map((c) => c.day));
    return closes.map((c) => ({ day: c.day, close: c.close, volume: c.volume }));
  };
  const hasBenchmark = query.symbol !== benchmark && source.instruments.has(benchmark);
  const [stock, market, others] = await Promise.all([
    loadDaily(query.symbol),
    hasBenchmark ? loadDaily(benchmark) : Promise.resolve(null),
    headlines.length === 0
      ? Promise.resolve([])
      : store.news.find({ symbol: query.symbol, from, to, limit: MAX_OTHER_NEWS }),
  ]);
  const otherTimes = others.map((n) => Date.parse(n.publishedAt)).sort((a, b) => a - b);
  const events = headlines.map((n, i) =>
    dailyStudyEvent({
      newsId: n.id,
      publishedAt: publishedAt[i]!,
      stock,
      benchmark: market,
      otherNews: otherTimes.slice(lowerBound(otherTimes, spans[i]!.from), lowerBound(otherTimes, spans[i]!.to + 1)),
      asOf: asOf(publishedAt[i]!),
      calendar,
    }),
  );
  return runStudy(events, {
    symbol: query.symbol,
    benchmark,
    design: DAILY_DESIGN,
    confounds: dailyConfounds(calendar),
    headlines: new Map(headlines.map((n) => [n.id, n.headline])),
  });
}

// The symbol's headlines read for estimation windows: far more than a study may pick.
const MAX_OTHER_NEWS = 4 * MAX_STUDY_EVENTS;

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One series for every headline of the study: each trade around the events (where the
 * reaction is measured), each minute's last trade elsewhere (estimation windows only look
 * at whole minutes) — the same points a single reaction reads, in one pass over the span.
 */
export async function loadStudySeries(
  source: ReactionSource,
  symbol: string,
  publishedAt: readonly number[],
  asOf: (publishedAt: number) => number,
): Promise<PriceSeries> {
  const { store, calendar } = source;
  if (publishedAt.length === 0) return toSeries([]);
  const exact: Array<[number, number]> = [];
  let from = Infinity;
  let to = -Infinity;
  for (const t of publishedAt) {
    const span = reactionSpan(calendar, t);
    const end = Math.min(span.to, asOf(t)) + 1;
    from = Math.min(from, span.from);
    to = Math.max(to, end);
    const t0 = calendar.firstTradableAt(t);
    const exactFrom = Math.floor((t0 - MINUTE) / MINUTE) * MINUTE;
    const exactTo = Math.min(
      end,
      Math.ceil(addTradingTime(calendar, t0, (EVENT_WINDOW_MIN + 1) * MINUTE) / MINUTE) * MINUTE,
    );
    if (exactTo > exactFrom) exact.push([exactFrom, exactTo]);
  }
  const merged = mergeIntervals(exact);
  const reads: Promise<Trade[]>[] = [];
  let cursor = from;
  for (const [a, b] of merged) {
    if (a > cursor) reads.push(store.ticks.minuteCloses(symbol, cursor, a));
    reads.push(store.ticks.trades(symbol, Math.max(a, cursor), b));
    cursor = Math.max(cursor, b);
  }
  if (cursor < to) reads.push(store.ticks.minuteCloses(symbol, cursor, to));
  return toSeries((await Promise.all(reads)).flat());
}

function mergeIntervals(intervals: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
