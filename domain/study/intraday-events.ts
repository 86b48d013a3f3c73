import type { KrxCalendar } from "../market/krx-calendar";
import { tradingInstants } from "../market/trading-time";
import { EVENT_WINDOW_MIN, isConfounded, referenceTime } from "../reaction/compute-reaction";
import { intradayEstimation, minuteAbnormal } from "../reaction/intraday-abnormal";
import { type PriceSeries, priceAt } from "../reaction/price-series";
import { type StudyEventInput, unmeasuredEvent } from "./study-event";

const MINUTE = 60_000;

export interface IntradayEventInput {
  newsId: string;
  publishedAt: number;
  stock: PriceSeries;
  /** Null when the studied symbol is the benchmark itself. */
  benchmark: PriceSeries | null;
  /** How far the data reaches. */
  asOf: number;
  calendar: KrxCalendar;
}

/**
 * One headline in minute event time, by the reaction card's own maths (the same market
 * model fit, the same minute abnormal returns): a study's CAR equals the card's.
 */
export function intradayStudyEvent(input: IntradayEventInput): StudyEventInput {
  const { calendar, stock, benchmark, asOf } = input;
  const t0 = calendar.firstTradableAt(input.publishedAt);
  const base = unmeasuredEvent(input.newsId, t0, EVENT_WINDOW_MIN);
  // Measured from where the card measures: the previous close before the open, else the
  // last print strictly before t0.
  const reference = referenceTime(calendar, input.publishedAt, t0);
  const pre = reference.price(stock);
  if (pre === null) return { ...base, unmeasurable: "no price before the event" };
  if (!benchmark) return { ...base, unmeasurable: "no market model: the symbol is the benchmark" };
  const marketPre = reference.price(benchmark);
  if (marketPre === null) return { ...base, unmeasurable: "no benchmark price before the event" };

  const instants = tradingInstants(calendar, t0, MINUTE, EVENT_WINDOW_MIN);
  const minutes = instants.filter((t) => t <= asOf).length;
  const pad = <T>(values: T[]): (T | null)[] => [
    ...values,
    ...new Array<null>(EVENT_WINDOW_MIN - values.length).fill(null),
  ];
  const cumulativeReturns = pad(instants.slice(0, minutes).map((t) => priceAt(stock, t)! / pre - 1));
  const fit = intradayEstimation(calendar, stock, benchmark, t0);
  if (!fit) return { ...base, cumulativeReturns };
  const minute = minuteAbnormal(calendar, stock, benchmark, t0, fit.model, minutes, EVENT_WINDOW_MIN, {
    stock: pre,
    market: marketPre,
  });
  return {
    newsId: input.newsId,
    t0,
    ar: pad(minute.ar),
    marketReturns: pad(minute.market),
    cumulativeReturns,
    estimation: {
      residuals: fit.residuals,
      residualSd: fit.model.residualSd,
      marketMean: fit.marketMean,
      marketSxx: fit.marketSxx,
    },
  };
}

/** Intraday confounding: the later headline lands within the reaction's confound window. */
export const intradayConfounds = (calendar: KrxCalendar) => (earlier: number, later: number) =>
  isConfounded(calendar, later, [earlier]);
