import { lastSample } from "./event-overlay-series";
import { formatKstTime } from "../format/format-kst";
import { formatPercent } from "../format/format-number";
import { formatOffsetMinutes } from "../format/reaction-format";
import type { OverlayData } from "./event-overlay-series";

/** What a screen reader hears instead of the overlay's canvas: what is drawn, where each line ends. */
export function describeOverlay(data: OverlayData | null, nameOf: (symbol: string) => string | undefined): string {
  if (!data) return "Chart of the price moves since the headline, loading.";
  const ends = data.lines
    .map((line) => {
      const name = nameOf(line.symbol);
      const who = name ? `${line.symbol} (${name})` : line.symbol;
      const last = lastSample(line.points);
      return last && last.percent !== null
        ? `${who} ${formatPercent(last.percent / 100)} at ${formatOffsetMinutes(last.offset)}`
        : `${who}: no trades`;
    })
    .join("; ");
  return (
    `Line chart of ${data.lines.length} price lines from 30 minutes before to 60 minutes after the headline ` +
    `at ${formatKstTime(data.t0)} KST, each rebased to 0% at the headline. ${ends}.`
  );
}
