import type { KrxCalendar, Session } from "../market/krx-calendar";
import { tradingInstants } from "../market/trading-time";
import { type MarketModel, fitMarketModel } from "./market-model";
import { type PriceSeries, indexAtOrBefore, priceAt, priceBefore } from "./price-series";

const MINUTE = 60_000;
/** The estimation window: 1-minute returns over this many full sessions before the event's. */
export const ESTIMATION_SESSIONS = 3;

/** A market model fitted on the 1-minute returns of the sessions before an event's. */
export interface IntradayEstimation {
  model: MarketModel;
  sessions: readonly Session[];
  residuals: readonly number[];
  marketMean: number;
  marketSxx: number;
}

/** Abnormal returns minute by minute after t0, against a fitted market model. */
export interface MinuteAbnormal {
  /** t0 + k minutes of trading time, k = 1…count. */
  instants: readonly number[];
  /** Abnormal, stock and benchmark returns of minute k (index k − 1), for k ≤ `minutes`. */
  ar: number[];
  stock: number[];
  market: number[];
}

// Every headline of a session shares its estimation window: fitted once per pair of
// series and session, not once per headline (series are immutable once built).
const fits = new WeakMap<PriceSeries, WeakMap<PriceSeries, Map<number, IntradayEstimation | null>>>();

/** The market model of the event's session; null with fewer than three paired returns. */
export function intradayEstimation(
  calendar: KrxCalendar,
  stock: PriceSeries,
  benchmark: PriceSeries,
  t0: number,
): IntradayEstimation | null {
  const event = calendar.nextSession(t0);
  let byBenchmark = fits.get(stock);
  if (!byBenchmark) fits.set(stock, (byBenchmark = new WeakMap()));
  let bySession = byBenchmark.get(benchmark);
  if (!bySession) byBenchmark.set(benchmark, (bySession = new Map<number, IntradayEstimation | null>()));
  let fit = bySession.get(event.open);
  if (fit === undefined) {
    fit = fitEstimation(calendar, stock, benchmark, event);
    bySession.set(event.open, fit);
  }
  return fit;
}

function fitEstimation(
  calendar: KrxCalendar,
  stock: PriceSeries,
  benchmark: PriceSeries,
  event: Session,
): IntradayEstimation | null {
  const sessions: Session[] = [];
  let session = event;
  for (let i = 0; i < ESTIMATION_SESSIONS; i++) sessions.unshift((session = calendar.previousSession(session.open)));
  const stockReturns: number[] = [];
  const marketReturns: number[] = [];
  for (const s of sessions) {
    // From the second minute: the first would carry the overnight gap into the fit.
    const first = s.open + MINUTE;
    const stockPrices = minutePrices(stock, first, s.close);
    const marketPrices = minutePrices(benchmark, first, s.close);
    for (let k = 1; k < stockPrices.length; k++) {
      const [s0, s1, m0, m1] = [stockPrices[k - 1]!, stockPrices[k]!, marketPrices[k - 1]!, marketPrices[k]!];
      if (Number.isNaN(s0) || Number.isNaN(m0)) continue;
      stockReturns.push(s1 / s0 - 1);
      marketReturns.push(m1 / m0 - 1);
    }
  }
  const model = fitMarketModel(stockReturns, marketReturns);
  if (!model) return null;
  const residuals = stockReturns.map((r, i) => r - (model.alpha + model.beta * marketReturns[i]!));
  const marketMean = marketReturns.reduce((a, b) => a + b, 0) / marketReturns.length;
  const marketSxx = marketReturns.reduce((a, m) => a + (m - marketMean) ** 2, 0);
  return { model, sessions, residuals, marketMean, marketSxx };
}

// The price at or before each whole minute from `from` to `to`, one forward walk (NaN
// before the first trade): what `priceAt` gives at each of them, without a search each.
function minutePrices(series: PriceSeries, from: number, to: number): number[] {
  const out: number[] = [];
  let i = indexAtOrBefore(series, from);
  for (let t = from; t <= to; t += MINUTE) {
    while (i + 1 < series.ts.length && series.ts[i + 1]! <= t) i++;
    out.push(i < 0 ? Number.NaN : series.price[i]!);
  }
  return out;
}

/**
 * Minute-by-minute abnormal returns for the first `minutes` of `count` minutes after t0,
 * the first minute from the reference prices: by default the last prints strictly before
 * t0 (a print at t0 can already carry the news); a reaction to a headline before the open
 * passes the previous close of both legs.
 */
export function minuteAbnormal(
  calendar: KrxCalendar,
  stock: PriceSeries,
  benchmark: PriceSeries,
  t0: number,
  model: { alpha: number; beta: number },
  minutes: number,
  count: number,
  reference?: { stock: number; market: number },
): MinuteAbnormal {
  const instants = tradingInstants(calendar, t0, MINUTE, count);
  const ar: number[] = [];
  const stockReturns: number[] = [];
  const marketReturns: number[] = [];
  let s0 = reference?.stock ?? priceBefore(stock, t0)!;
  let m0 = reference?.market ?? priceBefore(benchmark, t0)!;
  for (let k = 0; k < minutes; k++) {
    const s1 = priceAt(stock, instants[k]!)!;
    const m1 = priceAt(benchmark, instants[k]!)!;
    const r = s1 / s0 - 1;
    const m = m1 / m0 - 1;
    stockReturns.push(r);
    marketReturns.push(m);
    ar.push(r - (model.alpha + model.beta * m));
    s0 = s1;
    m0 = m1;
  }
  return { instants, ar, stock: stockReturns, market: marketReturns };
}
