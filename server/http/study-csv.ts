import { stringify } from "csv-stringify/sync";
import type { Study } from "../../contract/model";

/** A study as CSV: one row per event, each window's raw return and abnormal return (CAR). */
export function studyToCsv(study: Study): string {
  const windows = study.windows.map((w) => w.window);
  const columns = [
    "newsId",
    "t0",
    "included",
    "reason",
    ...windows.flatMap((w) => [`return_${w}`, `abnormal_${w}`]),
    "headline",
  ];
  const rows = study.events.map((e) => [
    e.newsId,
    e.t0,
    e.included,
    e.reason ?? "",
    ...windows.flatMap((w) => [e.returns[w], e.cars[w]]),
    e.headline ?? "",
  ]);
  return stringify([columns, ...rows], { cast: { boolean: (b) => String(b) } });
}
