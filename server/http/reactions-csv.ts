import { stringify } from "csv-stringify/sync";
import { RETURN_WINDOWS, type Reaction } from "../../contract/model";

const COLUMNS = [
  "newsId", "symbol", "publishedAt", "t0", "preEventPrice",
  ...RETURN_WINDOWS.map((w) => `return_${w}`),
  ...RETURN_WINDOWS.map((w) => `abnormal_${w}`),
  "car", "tStat", "alpha", "beta", "peakMove", "timeToPeakMs", "maxDrawdown", "volumeSurge", "confounded",
  "estimationFrom", "estimationTo", "estimationN", "eventWindowMinutes",
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
  ]);
  return stringify([COLUMNS, ...rows], { cast: { boolean: (b) => String(b) } });
}
