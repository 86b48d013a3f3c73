import type { DailyReaction, DailyWindow, DailyWindowResult } from "../../contract/model";
import type { KrxCalendar } from "../market/krx-calendar";
import type { DayKey } from "../market/kst";
import { type MarketModel, fitMarketModel } from "./market-model";

/** The daily event windows as [name, first day, last day] relative to day 0. */
export const DAILY_EVENT_WINDOWS: ReadonlyArray<readonly [DailyWindow, number, number]> = [
  ["0", 0, 0],
  ["-1..1", -1, 1],
  ["0..1", 0, 1],
  ["0..5", 0, 5],
  ["0..20", 0, 20],
];
/** The estimation window: the 250 trading days ending at day −11 (days −260 … −11). */
export const DAILY_ESTIMATION_DAYS = 250;
export const DAILY_ESTIMATION_END = -11;
/** Fewer daily returns than this in the estimation window and the market model is not fitted. */
export const DAILY_MIN_RETURNS = 60;

const FIRST_DAY = DAILY_ESTIMATION_END - DAILY_ESTIMATION_DAYS + 1; // −260
const LAST_DAY = Math.max(...DAILY_EVENT_WINDOWS.map(([, , last]) => last)); // +20

/** One trading day's close and volume (an imported daily bar, or the day's last trade). */
export interface DailyBar {
  day: DayKey;
  close: number;
  volume: number;
}

export interface DailyStudyInput {
  publishedAt: number;
  /** The ticker's daily bars, any order; days without a bar are missing data, not closures. */
  stock: readonly DailyBar[];
  /** The benchmark's daily bars; null when the ticker is the benchmark. */
  benchmark: readonly DailyBar[] | null;
  /** Publish times of the ticker's other headlines: their event days leave the estimation window. */
  otherNews: readonly number[];
  calendar: KrxCalendar;
  /** How far the data reaches: a day's close counts only once its session has closed by then. */
  asOf: number;
}

/** Event day 0: the headline's KST trading day when it lands before that day's close, else the next. */
export function eventDayOf(calendar: KrxCalendar, publishedAt: number): DayKey {
  return calendar.nextSession(publishedAt).day;
}

/** The trading days a daily study reads bars for (the estimation window's eve to day +20). */
export function dailySpan(calendar: KrxCalendar, publishedAt: number): { from: DayKey; to: DayKey } {
  const day0 = eventDayOf(calendar, publishedAt);
  return { from: calendar.shiftTradingDays(day0, FIRST_DAY - 1), to: calendar.shiftTradingDays(day0, LAST_DAY) };
}

/** An estimation window's market-model fit with what a study's tests need of it. */
export interface DailyEstimation {
  model: MarketModel;
  /** The days whose returns entered the fit, oldest first. */
  days: readonly DayKey[];
  residuals: readonly number[];
  /** Mean and sum of squared deviations of the benchmark's returns there. */
  marketMean: number;
  marketSxx: number;
}

/** One trading day's return of the ticker and the benchmark, and its abnormal return. */
export interface DailyStep {
  stock: number;
  market: number;
  abnormal: number;
}

/**
 * One headline's daily event time: day 0, the base close, the market model fitted on the
 * estimation window, and each event day's returns. Both the reaction card's daily windows
 * (computeDailyReaction) and a daily study's events (domain/study/daily-events.ts) read it.
 */
export interface DailyMeasure {
  day0: DayKey;
  /** Trading day k relative to day 0, for k from −261 to +20. */
  dayAt: (k: number) => DayKey;
  /** The ticker's bar of day k, when that day has one and its session has closed by asOf. */
  stockAt: (k: number) => DailyBar | undefined;
  marketAt: (k: number) => DailyBar | undefined;
  /** The close of day −1, or the last close before day 0 when that day has no bar. */
  base: DailyBar;
  /** The benchmark's bar on the base's day. */
  marketBase: DailyBar | undefined;
  estimation: DailyEstimation | null;
  /** Why there is no market model, when there is none. */
  modelReason: string | null;
  /** The ticker's volumes over the estimation window's days that have a bar. */
  estimationVolumes: readonly number[];
  /**
   * Day k's returns, from the close of day k − 1 (day 0: from the base) to day k's, and its
   * abnormal return against the model; null when either leg lacks a close on either day or
   * there is no model.
   */
  step: (k: number) => DailyStep | null;
}

/** The daily event time of one headline; null when no close precedes day 0. */
export function measureDailyEvent(input: DailyStudyInput): DailyMeasure | null {
  const { calendar, asOf } = input;
  const day0 = eventDayOf(calendar, input.publishedAt);
  // days[k - FIRST_DAY + 1] is trading day k (k from FIRST_DAY − 1 to LAST_DAY).
  const days: DayKey[] = [];
  for (
    let day = calendar.shiftTradingDays(day0, FIRST_DAY - 1);
    days.length < LAST_DAY - FIRST_DAY + 2;
    day = calendar.shiftTradingDays(day, 1)
  )
    days.push(day);
  const dayAt = (k: number) => days[k - FIRST_DAY + 1]!;
  const closed = (day: DayKey) => {
    const session = calendar.sessionOf(day);
    return session !== null && session.close <= asOf;
  };
  const stock = byDay(input.stock);
  const market = input.benchmark ? byDay(input.benchmark) : null;
  const stockAt = (k: number) => (closed(dayAt(k)) ? stock.get(dayAt(k)) : undefined);
  const marketAt = (k: number) => (market && closed(dayAt(k)) ? market.get(dayAt(k)) : undefined);

  let base = stockAt(-1);
  if (!base) {
    const earlier = input.stock.filter((b) => b.day < day0).sort((a, b) => (a.day < b.day ? -1 : 1));
    base = earlier[earlier.length - 1];
  }
  if (!base) return null;

  // Only headlines whose day 0 falls in the estimation window matter: those published from
  // the close of day −261 up to (not at) the close of day −11.
  const [after, before] = [
    calendar.sessionOf(dayAt(FIRST_DAY - 1))?.close ?? -Infinity,
    calendar.sessionOf(dayAt(DAILY_ESTIMATION_END))?.close ?? Infinity,
  ];
  const otherDays = new Set(
    input.otherNews.filter((t) => t >= after && t < before).map((t) => eventDayOf(calendar, t)),
  );
  otherDays.delete(day0);
  const stockReturns: number[] = [];
  const marketReturns: number[] = [];
  const used: DayKey[] = [];
  const volumes: number[] = [];
  for (let k = FIRST_DAY; k <= DAILY_ESTIMATION_END; k++) {
    if (otherDays.has(dayAt(k))) continue;
    const [s0, s1] = [stockAt(k - 1), stockAt(k)];
    if (s1) volumes.push(s1.volume);
    const [m0, m1] = [marketAt(k - 1), marketAt(k)];
    if (!s0 || !s1 || !m0 || !m1) continue;
    stockReturns.push(s1.close / s0.close - 1);
    marketReturns.push(m1.close / m0.close - 1);
    used.push(dayAt(k));
  }
  let estimation: DailyEstimation | null = null;
  let modelReason: string | null = null;
  if (!market) modelReason = "the ticker is the benchmark: there is no market model to fit";
  else if (stockReturns.length < DAILY_MIN_RETURNS) {
    modelReason =
      `${stockReturns.length} daily returns with the benchmark in the estimation window ` +
      `(${dayAt(FIRST_DAY)} to ${dayAt(DAILY_ESTIMATION_END)}); the market model needs at least ${DAILY_MIN_RETURNS}`;
  } else {
    const model = fitMarketModel(stockReturns, marketReturns)!;
    const marketMean = marketReturns.reduce((a, b) => a + b, 0) / marketReturns.length;
    estimation = {
      model,
      days: used,
      residuals: stockReturns.map((r, i) => r - (model.alpha + model.beta * marketReturns[i]!)),
      marketMean,
      marketSxx: marketReturns.reduce((a, m) => a + (m - marketMean) ** 2, 0),
    };
  }

  const marketBase = market?.get(base.day);
  const from = base;
  const step = (k: number): DailyStep | null => {
    if (!estimation) return null;
    const s0 = k === 0 ? from : stockAt(k - 1);
    const m0 = k === 0 ? marketBase : marketAt(k - 1);
    const [s1, m1] = [stockAt(k), marketAt(k)];
    if (!s0 || !s1 || !m0 || !m1) return null;
    const r = s1.close / s0.close - 1;
    const m = m1.close / m0.close - 1;
    return { stock: r, market: m, abnormal: r - (estimation.model.alpha + estimation.model.beta * m) };
  };
  return {
    day0,
    dayAt,
    stockAt,
    marketAt,
    base,
    marketBase,
    estimation,
    modelReason,
    estimationVolumes: volumes,
    step,
  };
}

/**
 * The daily event study of one ticker around one headline (Reaction.daily): raw returns over
 * the event windows from the close before each window, the market model fitted by OLS on
 * the daily returns of the estimation window (other headlines' event days left out), each
 * window's CAR as the sum of its daily residuals with t = CAR / (σ·√days), and the day-0
 * volume against the estimation window's mean. Null when no close precedes day 0.
 */
export function computeDailyReaction(input: DailyStudyInput): DailyReaction | null {
  const measure = measureDailyEvent(input);
  if (!measure) return null;
  const { estimation, base } = measure;
  const windows = DAILY_EVENT_WINDOWS.map(([window, first, last]) => studyWindow(window, first, last, measure));
  const day0Bar = measure.stockAt(0);
  const volumes = measure.estimationVolumes;
  const meanVolume = volumes.length > 0 ? volumes.reduce((a, b) => a + b, 0) / volumes.length : 0;
  const model = estimation?.model;

  return {
    eventDay: measure.day0,
    basePrice: base.close,
    baseDay: base.day,
    windows,
    model:
      model && estimation
        ? {
            alpha: model.alpha,
            beta: model.beta,
            residualSd: model.residualSd,
            n: model.n,
            from: estimation.days[0]!,
            to: estimation.days[estimation.days.length - 1]!,
          }
        : null,
    volumeSurge: day0Bar && meanVolume > 0 ? day0Bar.volume / meanVolume : null,
    modelReason: measure.modelReason,
    estimationWindow: { from: FIRST_DAY, to: DAILY_ESTIMATION_END, minReturns: DAILY_MIN_RETURNS },
  };
}

function studyWindow(window: DailyWindow, first: number, last: number, measure: DailyMeasure): DailyWindowResult {
  const { dayAt, stockAt, estimation } = measure;
  const result: DailyWindowResult = {
    window,
    return: null,
    abnormal: null,
    tStat: null,
    from: dayAt(first),
    to: dayAt(last),
    reason: null,
  };
  const start = first === 0 ? measure.base : stockAt(first - 1);
  const end = stockAt(last);
  if (!start || !end) {
    const missing = !start ? first - 1 : last;
    result.reason = `no close for day ${signed(missing)} (${dayAt(missing)}) yet`;
    return result;
  }
  result.return = end.close / start.close - 1;
  if (!estimation) {
    result.reason = measure.modelReason;
    return result;
  }
  let car = 0;
  for (let k = first; k <= last; k++) {
    const day = measure.step(k);
    if (!day) {
      result.reason = `no close of the ticker and the benchmark on both day ${signed(k - 1)} and day ${signed(k)}`;
      return result;
    }
    car += day.abnormal;
  }
  result.abnormal = car;
  const days = last - first + 1;
  const sd = estimation.model.residualSd;
  result.tStat = sd > 0 ? car / (sd * Math.sqrt(days)) : null;
  if (result.tStat === null) result.reason = "the market model fits the estimation window exactly (residual sd 0)";
  return result;
}

// A study passes the same bars for every headline: indexed once per array (callers never
// change an array of bars once passed).
const indexed = new WeakMap<readonly DailyBar[], Map<DayKey, DailyBar>>();

function byDay(bars: readonly DailyBar[]): Map<DayKey, DailyBar> {
  let map = indexed.get(bars);
  if (!map) indexed.set(bars, (map = new Map(bars.map((b) => [b.day, b]))));
  return map;
}

function signed(k: number): string {
  return k > 0 ? `+${k}` : String(k);
}
