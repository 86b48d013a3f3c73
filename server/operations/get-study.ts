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
import type { StudyEventInput } from "../../domain/study/study-event";
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
  const pick: StudyPick = {
    symbol: query.symbol,
    headlines,
    publishedAt: headlines.map((n) => Date.parse(n.publishedAt)),
    asOf: (t) => reach ?? t,
    benchmark: query.symbol !== benchmark && source.instruments.has(benchmark) ? benchmark : null,
  };
  const resolution = query.resolution === "daily" ? DAILY : INTRADAY;
  return runStudy(await resolution.events(source, pick), {
    symbol: query.symbol,
    benchmark,
    design: resolution.design,
    confounds: resolution.confounds(calendar),
    headlines: new Map(headlines.map((n) => [n.id, n.headline])),
  });
}

// What either resolution measures: the headlines, their times, how far each may see.
interface StudyPick {
  symbol: string;
  headlines: readonly NewsItem[];
  publishedAt: readonly number[];
  asOf: (publishedAt: number) => number;
  // The benchmark to read, or null where the symbol is the benchmark or it is not listed.
  benchmark: string | null;
}

// Each headline's event as far as it is the same at both resolutions; S is the resolution's prices.
function eventBases<S>(source: ReactionSource, pick: StudyPick, stock: S, benchmark: S | null) {
  return pick.headlines.map((n, i) => ({
    newsId: n.id,
    publishedAt: pick.publishedAt[i]!,
    stock,
    benchmark,
    asOf: pick.asOf(pick.publishedAt[i]!),
    calendar: source.calendar,
  }));
}

async function intradayEvents(source: ReactionSource, pick: StudyPick): Promise<StudyEventInput[]> {
  const { symbol, publishedAt, asOf, benchmark } = pick;
  const [stock, market] = await Promise.all([
    loadStudySeries(source, symbol, publishedAt, asOf),
    benchmark === null ? Promise.resolve(null) : loadStudySeries(source, benchmark, publishedAt, asOf),
  ]);
  return eventBases(source, pick, stock, market).map((e) => intradayStudyEvent(e));
}

/**
 * A daily study's events: the daily closes of the symbol and the benchmark read once over
 * every headline's span, each headline measured by the daily reaction's maths (the symbol's
 * other headlines leave its estimation window, as on the card).
 */
async function dailyEvents(source: ReactionSource, pick: StudyPick): Promise<StudyEventInput[]> {
  const { store, calendar } = source;
  const { symbol, headlines, publishedAt, asOf, benchmark } = pick;
  // Each headline's span as the card reads it: a few calendar days of slack either side.
  const spans = publishedAt.map((t) => {
    const days = dailySpan(calendar, t);
    return { from: kstTime(days.from, 0) - 10 * DAY_MS, to: Math.min(kstTime(days.to, 0) + 10 * DAY_MS, asOf(t) + 1) };
  });
  const from = Math.min(...spans.map((s) => s.from));
  const to = Math.max(...spans.map((s) => s.to));
  const loadDaily = async (instrument: string): Promise<DailyBar[]> => {
    if (headlines.length === 0) return [];
    const closes = await store.ticks.dailyCloses(instrument, from, to);
    // Days present in stored history are trading days, whatever the holiday lists say.
    calendar.addTradingDays(closes.map((c) => c.day));
    return closes.map((c) => ({ day: c.day, close: c.close, volume: c.volume }));
  };
  const [stock, market, others] = await Promise.all([
    loadDaily(symbol),
    benchmark === null ? Promise.resolve(null) : loadDaily(benchmark),
    headlines.length === 0 ? Promise.resolve([]) : store.news.find({ symbol, from, to, limit: MAX_OTHER_NEWS }),
  ]);
  const otherTimes = others.map((n) => Date.parse(n.publishedAt)).sort((a, b) => a - b);
  return eventBases(source, pick, stock, market).map((e, i) =>
    dailyStudyEvent({
      ...e,
      otherNews: otherTimes.slice(lowerBound(otherTimes, spans[i]!.from), lowerBound(otherTimes, spans[i]!.to + 1)),
    }),
  );
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

// What a study reads and how it pools, by resolution.
const INTRADAY = { events: intradayEvents, design: INTRADAY_DESIGN, confounds: intradayConfounds };
const DAILY = { events: dailyEvents, design: DAILY_DESIGN, confounds: dailyConfounds };
