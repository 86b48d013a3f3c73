import type { DailyReaction, Reaction, Resolution, ReturnWindow } from "../../contract/model";
import type { KrxCalendar } from "../market/krx-calendar";
import { addTradingTime } from "../market/trading-time";
import { type DailyBar, computeDailyReaction, eventDayOf } from "./daily-study";
import { ESTIMATION_SESSIONS, intradayEstimation, minuteAbnormal } from "./intraday-abnormal";
import { type PriceSeries, indexAtOrBefore, priceAt, priceBefore, volumeBetween } from "./price-series";

const MINUTE = 60_000;
/** The event window: abnormal returns, peak, drawdown and volume over this much trading time. */
export const EVENT_WINDOW_MIN = 60;
export { ESTIMATION_SESSIONS };
/** Earlier sessions the volume surge compares against, at the same time of day. */
export const VOLUME_SESSIONS = 5;
/** Another headline for the ticker this close (trading time, either side) confounds it. */
export const CONFOUND_WINDOW_MIN = 60;

const HORIZONS: ReadonlyArray<[ReturnWindow, number]> = [
  ["1m", 1],
  ["5m", 5],
  ["15m", 15],
  ["30m", 30],
  ["60m", 60],
];

export interface ReactionInput {
  newsId: string;
  symbol: string;
  publishedAt: number;
  /** Trades of the ticker from the estimation window to the next close (or to `asOf`). */
  stock: PriceSeries;
  /** Trades of the benchmark over the same span; null when the ticker is the benchmark. */
  benchmark: PriceSeries | null;
  /** Publish times of the ticker's other headlines. */
  otherNews: readonly number[];
  /** How far the data reaches: windows ending later are null (they fill in live). */
  asOf: number;
  calendar: KrxCalendar;
  /**
   * The finest resolution of the ticker's data around t0 (default "intraday"). With
   * "daily" every intraday field is null: daily bars never produce a minute return.
   */
  resolution?: Resolution;
  /**
   * False when the sessions before t0's hold only daily bars (stored as a few made-up
   * prints a day): then no intraday market model or volume comparison is drawn from them.
   */
  intradayHistory?: boolean;
  /** Daily closes for the daily event study (imported bars, or derived from trades per KST day). */
  daily?: { stock: readonly DailyBar[]; benchmark: readonly DailyBar[] | null } | null;
}

/** The span of trades a reaction needs, so callers load no more than that. */
export function reactionSpan(calendar: KrxCalendar, publishedAt: number): { from: number; to: number } {
  const t0 = calendar.firstTradableAt(publishedAt);
  let first = calendar.nextSession(t0);
  for (let i = 0; i < Math.max(ESTIMATION_SESSIONS, VOLUME_SESSIONS); i++) first = calendar.previousSession(first.open);
  const next = calendar.nextSession(calendar.nextSession(t0).close);
  return { from: first.open - MINUTE, to: next.close };
}

/** How one ticker reacted to one headline; null when there is no price before the event. */
export function computeReaction(input: ReactionInput): Reaction | null {
  const { calendar, stock, asOf } = input;
  const t0 = calendar.firstTradableAt(input.publishedAt);
  const daily = input.daily
    ? computeDailyReaction({
        publishedAt: input.publishedAt,
        stock: input.daily.stock,
        benchmark: input.daily.benchmark,
        otherNews: input.otherNews,
        calendar,
        asOf,
      })
    : null;
  if (input.resolution === "daily") return dailyOnly(input, t0, daily);

  const ref = referenceTime(calendar, input.publishedAt, t0);
  const pre = ref.price(stock);
  if (pre === null) return null;
  const at = (minutes: number) => addTradingTime(calendar, t0, minutes * MINUTE);
  const returnTo = (t: number) => (t > asOf ? null : priceAt(stock, t)! / pre - 1);

  const session = calendar.nextSession(t0);
  const next = calendar.nextSession(session.close);
  const ends: Array<[ReturnWindow, number]> = [
    ...HORIZONS.map(([key, minutes]): [ReturnWindow, number] => [key, at(minutes)]),
    ["close", session.close],
    ["nextClose", next.close],
  ];
  const returns = Object.fromEntries(ends.map(([key, t]) => [key, returnTo(t)])) as Reaction["returns"];

  const windowEnd = Math.min(at(EVENT_WINDOW_MIN), asOf);
  const minutes = Math.max(0, Math.floor(tradingMinutesBetween(calendar, t0, windowEnd)));
  const path = pathStats(calendar, stock, pre, t0, windowEnd);
  const history = input.intradayHistory !== false;
  const model = input.benchmark && history ? abnormal(input, t0, ref, minutes) : null;

  return {
    newsId: input.newsId,
    symbol: input.symbol,
    t0: new Date(t0).toISOString(),
    preEventPrice: pre,
    returns,
    abnormal: model?.abnormal ?? null,
    abnormalReturns: model ? abnormalByWindow(input, t0, ref, ends, returns, model.abnormal) : null,
    peakMove: path.peakMove,
    timeToPeakMs: path.timeToPeakMs,
    maxDrawdown: path.maxDrawdown,
    volumeSurge: history ? volumeSurge(input, t0, windowEnd) : null,
    confounded: isConfounded(calendar, t0, input.otherNews),
    publishedAt: new Date(input.publishedAt).toISOString(),
    estimation: model?.estimation ?? null,
    eventWindow: { from: new Date(t0).toISOString(), to: new Date(windowEnd).toISOString(), minutes },
    resolution: "intraday",
    daily,
    intradayReason: null,
  };
}

/**
 * Where the reaction is measured from. A headline before the open is measured from the
 * previous close, for the stock and the benchmark alike, so the opening gap counts and
 * the market's own overnight move is netted out; otherwise from the last print strictly
 * before t0 (a print at t0 itself can already carry the shock).
 */
export function referenceTime(calendar: KrxCalendar, publishedAt: number, t0: number) {
  const preOpen = publishedAt < t0;
  const previousClose = calendar.previousSession(t0).close;
  return {
    preOpen,
    price: (series: PriceSeries) => (preOpen ? priceAt(series, previousClose) : priceBefore(series, t0)),
  };
}
type Reference = ReturnType<typeof referenceTime>;

// A reaction from daily closes only: every intraday field is null with the reason; the
// close and next-close returns are known when the headline came before day 0's open.
function dailyOnly(input: ReactionInput, t0: number, daily: DailyReaction | null): Reaction | null {
  if (!daily) return null;
  const { calendar } = input;
  const day0 = calendar.sessionOf(daily.eventDay)!;
  const beforeOpen = input.publishedAt < day0.open;
  const windowReturn = (w: string) => daily.windows.find((x) => x.window === w)?.return ?? null;
  const returns: Reaction["returns"] = {
    "1m": null,
    "5m": null,
    "15m": null,
    "30m": null,
    "60m": null,
    close: beforeOpen ? windowReturn("0") : null,
    nextClose: beforeOpen ? windowReturn("0..1") : null,
  };
  const others = new Set(input.otherNews.map((t) => eventDayOf(calendar, t)));
  const near = [-1, 0, 1].map((k) => calendar.shiftTradingDays(daily.eventDay, k));
  return {
    newsId: input.newsId,
    symbol: input.symbol,
    t0: new Date(t0).toISOString(),
    preEventPrice: daily.basePrice,
    returns,
    abnormal: null,
    abnormalReturns: null,
    peakMove: null,
    timeToPeakMs: null,
    maxDrawdown: null,
    volumeSurge: null,
    confounded: near.some((day) => others.has(day)),
    publishedAt: new Date(input.publishedAt).toISOString(),
    estimation: null,
    eventWindow: { from: new Date(t0).toISOString(), to: new Date(t0).toISOString(), minutes: 0 },
    resolution: "daily",
    daily,
    intradayReason: `only daily bars around ${daily.eventDay}: minute windows and the intraday model need intraday data`,
  };
}

// Peak move (largest absolute return from the pre-event price), when it came in trading
// time, and the worst fall from a running high, over the trades of the event window (a
// print at t0 included: it is the first trade after the reference).
function pathStats(calendar: KrxCalendar, stock: PriceSeries, pre: number, from: number, to: number) {
  let peakMove = 0;
  let timeToPeakMs = 0;
  let high = pre;
  let maxDrawdown = 0;
  for (let i = indexAtOrBefore(stock, from - 1) + 1; i < stock.ts.length && stock.ts[i]! <= to; i++) {
    const price = stock.price[i]!;
    const move = price / pre - 1;
    if (Math.abs(move) > Math.abs(peakMove)) {
      peakMove = move;
      timeToPeakMs = Math.round(tradingMinutesBetween(calendar, from, stock.ts[i]!) * MINUTE);
    }
    high = Math.max(high, price);
    maxDrawdown = Math.min(maxDrawdown, price / high - 1);
  }
  return { peakMove, timeToPeakMs, maxDrawdown };
}

function abnormal(input: ReactionInput, t0: number, ref: Reference, minutes: number) {
  const { calendar, stock } = input;
  const benchmark = input.benchmark!;
  const estimation = intradayEstimation(calendar, stock, benchmark, t0);
  if (!estimation) return null;
  const { model, sessions } = estimation;
  const [s0, m0] = [ref.price(stock), ref.price(benchmark)];
  if (s0 === null || m0 === null) return null;
  const { ar } = minuteAbnormal(calendar, stock, benchmark, t0, model, minutes, minutes, { stock: s0, market: m0 });
  let car = 0;
  for (const a of ar) car += a;
  const tStat = minutes > 0 && model.residualSd > 0 ? car / (model.residualSd * Math.sqrt(minutes)) : 0;
  return {
    abnormal: { car, tStat, alpha: model.alpha, beta: model.beta },
    estimation: {
      from: new Date(sessions[0]!.open).toISOString(),
      to: new Date(sessions[sessions.length - 1]!.close).toISOString(),
      n: model.n,
      residualSd: model.residualSd,
    },
  };
}

// Each window's return less what the market model expected from the benchmark's move.
function abnormalByWindow(
  input: ReactionInput,
  t0: number,
  ref: Reference,
  ends: ReadonlyArray<[ReturnWindow, number]>,
  returns: Reaction["returns"],
  model: { alpha: number; beta: number },
): Record<ReturnWindow, number | null> {
  const benchmark = input.benchmark!;
  const m0 = ref.price(benchmark);
  const out = {} as Record<ReturnWindow, number | null>;
  for (const [key, t] of ends) {
    const r = returns[key];
    const m1 = priceAt(benchmark, t);
    out[key] =
      r === null || m0 === null || m1 === null
        ? null
        : r - (model.alpha * tradingMinutesBetween(input.calendar, t0, t) + model.beta * (m1 / m0 - 1));
  }
  return out;
}

// Volume in the event window against the mean of earlier sessions' windows that start at
// the same time of day and run for the same trading time (past a close, into the next
// session, as the event window does), so a window over the close compares like with like.
function volumeSurge(input: ReactionInput, t0: number, windowEnd: number): number | null {
  const { calendar, stock } = input;
  const event = volumeBetween(stock, t0 - 1, windowEnd);
  const session = calendar.nextSession(t0);
  const offset = Math.max(0, t0 - session.open);
  const length = tradingMinutesBetween(calendar, t0, windowEnd) * MINUTE;
  const earlier: number[] = [];
  let s = session;
  for (let i = 0; i < VOLUME_SESSIONS; i++) {
    s = calendar.previousSession(s.open);
    const from = Math.min(s.open + offset, s.close);
    if (from < stock.ts[0]!) continue;
    earlier.push(volumeBetween(stock, from - 1, addTradingTime(calendar, from, length)));
  }
  const base = earlier.reduce((a, b) => a + b, 0) / (earlier.length || 1);
  return earlier.length > 0 && base > 0 ? event / base : null;
}

/** True when another headline lands within CONFOUND_WINDOW_MIN of trading time of t0. */
export function isConfounded(calendar: KrxCalendar, t0: number, otherNews: readonly number[]): boolean {
  // A headline two sessions away has a whole session (over an hour) between it and t0:
  // only those published from the close two sessions back to the close of the next
  // session can be near enough, and only they need the trading-time count.
  const session = calendar.nextSession(t0);
  const previous = calendar.previousSession(session.open);
  const from = calendar.previousSession(previous.open).close;
  const to = calendar.nextSession(session.close).close;
  return otherNews.some((t) => {
    if (t < from || t >= to) return false;
    const other = calendar.firstTradableAt(t);
    return tradingMinutesBetween(calendar, Math.min(other, t0), Math.max(other, t0)) <= CONFOUND_WINDOW_MIN;
  });
}

// Trading minutes between two instants (from <= to), closed hours not counted.
function tradingMinutesBetween(calendar: KrxCalendar, from: number, to: number): number {
  let total = 0;
  let t = from;
  while (t < to) {
    const session = calendar.nextSession(t);
    if (session.open >= to) break;
    const start = Math.max(t, session.open);
    const end = Math.min(to, session.close);
    total += Math.max(0, end - start);
    t = session.close;
  }
  return total / MINUTE;
}
