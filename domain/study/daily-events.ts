import type { KrxCalendar } from "../market/krx-calendar";
import { kstTime } from "../market/kst";
import { type DailyBar, DAILY_EVENT_WINDOWS, eventDayOf, measureDailyEvent } from "../reaction/daily-study";
import { DAILY_DESIGN } from "./study-design";
import { type StudyEventInput, unmeasuredEvent } from "./study-event";

export interface DailyEventInput {
  newsId: string;
  publishedAt: number;
  stock: readonly DailyBar[];
  /** Null when the studied symbol is the benchmark itself. */
  benchmark: readonly DailyBar[] | null;
  /** Publish times of the symbol's other headlines (their days leave the estimation window). */
  otherNews: readonly number[];
  asOf: number;
  calendar: KrxCalendar;
}

/**
 * One headline in daily event time (trading days −1…+20 around day 0), by the reaction
 * card's own daily maths (measureDailyEvent: the same day 0, base close, market model and
 * daily abnormal returns), so a study's CAR over a window equals the card's daily CAR.
 * Event time t0 is day 0's session open.
 */
export function dailyStudyEvent(input: DailyEventInput): StudyEventInput {
  const { calendar } = input;
  const day0 = eventDayOf(calendar, input.publishedAt);
  const t0 = calendar.sessionOf(day0)?.open ?? kstTime(day0, 9);
  const steps = DAILY_DESIGN.steps;
  const none = unmeasuredEvent(input.newsId, t0, steps.length);
  const measure = measureDailyEvent(input);
  if (!measure) return { ...none, unmeasurable: "no close before the event day" };
  if (!input.benchmark) return { ...none, unmeasurable: "no market model: the symbol is the benchmark" };
  // Raw returns from the close before the path's first day (day −2), as runStudy compounds them.
  const start = measure.stockAt(steps[0]! - 1);
  const cumulativeReturns = steps.map((k) => {
    const bar = measure.stockAt(k);
    return start && bar ? bar.close / start.close - 1 : null;
  });
  const { estimation } = measure;
  if (!estimation) {
    return { ...none, cumulativeReturns, unmeasurable: `estimation window too short: ${measure.modelReason}` };
  }
  const days = steps.map((k) => measure.step(k));
  return {
    newsId: input.newsId,
    t0,
    ar: days.map((d) => d?.abnormal ?? null),
    marketReturns: days.map((d) => d?.market ?? null),
    cumulativeReturns,
    estimation: {
      residuals: estimation.residuals,
      residualSd: estimation.model.residualSd,
      marketMean: estimation.marketMean,
      marketSxx: estimation.marketSxx,
    },
  };
}

// The path's last day: a later headline whose day 0 falls within it confounds the earlier one.
const LAST_DAY = Math.max(...DAILY_EVENT_WINDOWS.map(([, , last]) => last));

/** Daily confounding: the later headline's day 0 falls within the earlier's days 0…+20. */
export const dailyConfounds = (calendar: KrxCalendar) => (earlier: number, later: number) => {
  const end = calendar.shiftTradingDays(eventDayOf(calendar, earlier), LAST_DAY);
  return eventDayOf(calendar, later) <= end;
};
