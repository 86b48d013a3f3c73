import { stringify } from "csv-stringify/sync";
import { DAILY_WINDOWS, RETURN_WINDOWS, type Reaction } from "../../contract/model";

const COLUMNS = [
  "newsId", "symbol", "publishedAt", "t0", "preEventPrice",
  ...RETURN_WINDOWS.map((w) => `return_${w}`),
  ...RETURN_WINDOWS.map((w) => `abnormal_${w}`),
  "car", "tStat", "alpha", "beta", "peakMove", "timeToPeakMs", "maxDrawdown", "volumeSurge", "confounded",
  "estimationFrom", "estimationTo", "estimationN", "eventWindowMinutes",
  "resolution", "daily_eventDay", "daily_baseDay", "daily_basePrice",
  ...DAILY_WINDOWS.flatMap((w) => [`daily_return_${w}`, `daily_car_${w}`, `daily_t_${w}`]),
  "daily_alpha", "daily_beta", "daily_residualSd", "daily_n", "daily_estimationFrom", "daily_estimationTo", "daily_volumeSurge",
  "intradayReason", "daily_modelReason",
];

/** Reactions as CSV, one row per ticker; empty cells where a figure is not known yet. */
export function reactionsToCsv(reactions: readonly Reaction[]): string {
  const rows = reactions.map((r) => [
    r.newsId, r.symbol, r.publishedAt, r.t0, r.preEventPrice,
    ...RETURN_WINDOWS.map((w) => r.returns[w]),
    ...RETURN_WINDOWS.map((w) => r.abnormalReturns?.[w]),
    r.abnormal?.car, r.abnormal?.tStat, r.abnormal?.alpha, r.abnormal?.beta,
    r.peakMove, r.timeToPeakMs, r.maxDrawdown, r.volumeSurge, r.confounded,
    r.estimation?.from, r.estimation?.to, r.estimation?.n, r.eventWindow.minutes,
    r.resolution, r.daily?.eventDay, r.daily?.baseDay, r.daily?.basePrice,
    ...DAILY_WINDOWS.flatMap((w) => {
      const x = r.daily?.windows.find((d) => d.window === w);
      return [x?.return, x?.abnormal, x?.tStat];
    }),
    r.daily?.model?.alpha, r.daily?.model?.beta, r.daily?.model?.residualSd, r.daily?.model?.n,
    r.daily?.model?.from, r.daily?.model?.to, r.daily?.volumeSurge,
    r.intradayReason, r.daily?.modelReason,
  ]);
  return stringify([COLUMNS, ...rows], { cast: { boolean: (b) => String(b) } });
}
