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

/**
 * The daily event study of one ticker around one headline (Reaction.daily): raw returns over
 * the event windows from the close before each window, the market model fitted by OLS on
 * the daily returns of the estimation window (other headlines' event days left out), each
 * window's CAR as the sum of its daily residuals with t = CAR / (σ·√days), and the day-0
 * volume against the estimation window's mean. Null when no close precedes day 0.
 */
export function computeDailyReaction(input: DailyStudyInput): DailyReaction | null {
  const { calendar, asOf } = input;
  const day0 = eventDayOf(calendar, input.publishedAt);
  // days[k - FIRST_DAY + 1] is trading day k (k from FIRST_DAY − 1 to LAST_DAY).
  const days: DayKey[] = [];
  for (let day = calendar.shiftTradingDays(day0, FIRST_DAY - 1); days.length < LAST_DAY - FIRST_DAY + 2; day = calendar.shiftTradingDays(day, 1)) days.push(day);
  const dayAt = (k: number) => days[k - FIRST_DAY + 1]!;
  const closed = (day: DayKey) => {
    const session = calendar.sessionOf(day);
    return session !== null && session.close <= asOf;
  };
  const stock = byDay(input.stock);
  const market = input.benchmark ? byDay(input.benchmark) : null;
  const stockAt = (k: number) => (closed(dayAt(k)) ? stock.get(dayAt(k)) : undefined);
  const marketAt = (k: number) => (market && closed(dayAt(k)) ? market.get(dayAt(k)) : undefined);

  // The base: the close of day −1, or the last close before day 0 when that day has no bar.
  let base = stockAt(-1);
  if (!base) {
    const earlier = input.stock.filter((b) => b.day < day0).sort((a, b) => (a.day < b.day ? -1 : 1));
    base = earlier[earlier.length - 1];
  }
  if (!base) return null;

  const otherDays = new Set(input.otherNews.map((t) => eventDayOf(calendar, t)));
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
  let model: MarketModel | null = null;
  let modelReason: string | null = null;
  if (!market) modelReason = "the ticker is the benchmark: there is no market model to fit";
  else if (stockReturns.length < DAILY_MIN_RETURNS) {
    modelReason =
      `${stockReturns.length} daily returns with the benchmark in the estimation window ` +
      `(${dayAt(FIRST_DAY)} to ${dayAt(DAILY_ESTIMATION_END)}); the market model needs at least ${DAILY_MIN_RETURNS}`;
  } else model = fitMarketModel(stockReturns, marketReturns);

  const windows = DAILY_EVENT_WINDOWS.map(([window, first, last]) =>
    studyWindow(window, first, last, { dayAt, stockAt, marketAt, model, modelReason, base: base, marketBase: market?.get(base.day) }),
  );
  const day0Bar = stockAt(0);
  const meanVolume = volumes.length > 0 ? volumes.reduce((a, b) => a + b, 0) / volumes.length : 0;

  return {
    eventDay: day0,
    basePrice: base.close,
    baseDay: base.day,
    windows,
    model: model ? { alpha: model.alpha, beta: model.beta, residualSd: model.residualSd, n: model.n, from: used[0]!, to: used[used.length - 1]! } : null,
    volumeSurge: day0Bar && meanVolume > 0 ? day0Bar.volume / meanVolume : null,
    modelReason,
    estimationWindow: { from: FIRST_DAY, to: DAILY_ESTIMATION_END, minReturns: DAILY_MIN_RETURNS },
  };
}

interface WindowContext {
  dayAt: (k: number) => DayKey;
  stockAt: (k: number) => DailyBar | undefined;
  marketAt: (k: number) => DailyBar | undefined;
  model: MarketModel | null;
  modelReason: string | null;
  base: DailyBar;
  /** The benchmark's close on the base price's day. */
  marketBase: DailyBar | undefined;
}

function studyWindow(window: DailyWindow, first: number, last: number, ctx: WindowContext): DailyWindowResult {
  const { dayAt, stockAt, marketAt, model } = ctx;
  const result: DailyWindowResult = { window, return: null, abnormal: null, tStat: null, from: dayAt(first), to: dayAt(last), reason: null };
  const start = first === 0 ? ctx.base : stockAt(first - 1);
  const end = stockAt(last);
  if (!start || !end) {
    const missing = !start ? first - 1 : last;
    result.reason = `no close for day ${signed(missing)} (${dayAt(missing)}) yet`;
    return result;
  }
  result.return = end.close / start.close - 1;
  if (!model) {
    result.reason = ctx.modelReason;
    return result;
  }
  let car = 0;
  for (let k = first; k <= last; k++) {
    const s0 = k === 0 ? ctx.base : stockAt(k - 1);
    const m0 = k === 0 ? ctx.marketBase : marketAt(k - 1);
    const [s1, m1] = [stockAt(k), marketAt(k)];
    if (!s0 || !s1 || !m0 || !m1) {
      result.reason = `no close of the ticker and the benchmark on both day ${signed(k - 1)} and day ${signed(k)}`;
      return result;
    }
    car += s1.close / s0.close - 1 - (model.alpha + model.beta * (m1.close / m0.close - 1));
  }
  result.abnormal = car;
  const days = last - first + 1;
  result.tStat = model.residualSd > 0 ? car / (model.residualSd * Math.sqrt(days)) : null;
  if (result.tStat === null) result.reason = "the market model fits the estimation window exactly (residual sd 0)";
  return result;
}

function byDay(bars: readonly DailyBar[]): Map<DayKey, DailyBar> {
  return new Map(bars.map((b) => [b.day, b]));
}

function signed(k: number): string {
  return k > 0 ? `+${k}` : String(k);
}
