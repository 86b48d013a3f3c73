import { formatPercent } from "../lib/format/format-number";
import { lastSample } from "../lib/charts/event-overlay-series";
import { formatOffsetMinutes } from "../lib/format/reaction-format";
import type { OverlayLine } from "../lib/charts/event-overlay-series";
import { ReactionFigure } from "./reaction-figure";
import styles from "./event-overlay-chart.module.css";

export interface LegendEntry {
  line: OverlayLine;
  name: string | undefined;
  color: string;
}

/** Which line is which, with each line's latest move, as text a reader can select. */
export function EventOverlayLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className={styles.legend} aria-label="Lines of the chart">
      {entries.map(({ line, name, color }) => {
        const last = lastSample(line.points);
        return (
          <li key={line.symbol} className={styles.entry} data-testid={`overlay-legend-${line.symbol}`}>
            <svg className={styles.swatch} width="22" height="10" aria-hidden="true">
              <line
                x1="1"
                y1="5"
                x2="21"
                y2="5"
                stroke={color}
                strokeWidth="3"
                strokeDasharray={line.benchmark ? "4 3" : undefined}
              />
            </svg>
            <span className={styles.symbol}>{line.symbol}</span>
            {name && <span className={styles.name}>{name}</span>}
            {line.benchmark && <span className={styles.name}>(benchmark)</span>}
            {last && last.percent !== null && (
              <span className={styles.last}>
                <ReactionFigure value={last.percent / 100} format={formatPercent} shownDecimals={2} scale={100} />
                <span className={styles.name}> at {formatOffsetMinutes(last.offset)}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
