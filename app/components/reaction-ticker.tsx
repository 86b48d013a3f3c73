import { RETURN_WINDOWS, type Reaction, type ReturnWindow } from "../../contract/model";
import { CONFOUND_WINDOW_MIN } from "../../domain/reaction/compute-reaction";
import { formatPercent, formatPrice } from "../lib/format/format-number";
import { RETURN_WINDOW_LABELS } from "../lib/format/reaction-format";
import { ReactionDaily } from "./reaction-daily";
import { ReactionFigure } from "./reaction-figure";
import { ReactionStats } from "./reaction-stats";
import styles from "./reaction-card.module.css";

// Test ids of the return cells (kebab-case, as the e2e suite and outside tools use them).
const WINDOW_TEST_IDS: Record<ReturnWindow, string> = {
  "1m": "ret-1m",
  "5m": "ret-5m",
  "15m": "ret-15m",
  "30m": "ret-30m",
  "60m": "ret-60m",
  close: "ret-close",
  nextClose: "ret-next-close",
};

export interface ReactionTickerProps {
  reaction: Reaction;
  name: string | undefined;
  decimals: number;
}

/** How one ticker moved after the headline: pre-event price, returns by window, then the stats. */
export function ReactionTicker({ reaction: r, name, decimals }: ReactionTickerProps) {
  const headingId = `reaction-${r.newsId}-${r.symbol}`.replace(/[^A-Za-z0-9_-]/g, "_");
  return (
    <section className={styles.ticker} data-testid={`reaction-${r.symbol}`} aria-labelledby={headingId}>
      <header className={styles.tickerHead}>
        <h3 id={headingId} className={styles.symbol}>
          {r.symbol}
          {name && <span className={styles.name}>{name}</span>}
        </h3>
        <span
          className={styles.resolutionChip}
          data-testid="reaction-resolution"
          data-value={r.resolution}
          title={
            r.resolution === "daily"
              ? "Only daily bars around the headline: the daily event study answers; minute windows cannot"
              : "Ticks or intraday bars around the headline: minute windows and the daily study"
          }
        >
          {r.resolution === "daily" ? "Daily data" : "Intraday data"}
        </span>
        {r.confounded && (
          <span
            className={styles.warnChip}
            data-testid="confounded"
            title={`Another headline for ${r.symbol} landed within ${CONFOUND_WINDOW_MIN} trading minutes: the move may not be this headline's alone.`}
          >
            <span aria-hidden="true">⚠ </span>Confounded
          </span>
        )}
        <p className={styles.pre}>
          {r.resolution === "daily" ? "Base (previous close)" : "Pre-event price"}{" "}
          <strong data-testid="pre-event-price" data-value={String(r.preEventPrice)}>
            {formatPrice(r.preEventPrice, decimals)}
          </strong>
          <span className={styles.unit}>{r.symbol.startsWith("^") ? " pts" : " won"}</span>
        </p>
      </header>

      <dl className={styles.returns} aria-label={`Return of ${r.symbol} from the pre-event price`}>
        {RETURN_WINDOWS.map((w) => (
          <div key={w} className={styles.returnCell}>
            <dt>{RETURN_WINDOW_LABELS[w]}</dt>
            <dd>
              <ReactionFigure
                value={r.returns[w]}
                format={formatPercent}
                shownDecimals={2}
                scale={100}
                testId={WINDOW_TEST_IDS[w]}
                missingTitle={r.intradayReason && r.returns[w] === null ? "not available: daily data only" : undefined}
              />
            </dd>
          </div>
        ))}
      </dl>

      {r.intradayReason ? (
        <p className={styles.unavailable} data-testid="intraday-unavailable">
          Intraday windows not available: {r.intradayReason}.
        </p>
      ) : (
        <ReactionStats reaction={r} />
      )}
      {r.daily && <ReactionDaily daily={r.daily} symbol={r.symbol} decimals={decimals} />}
    </section>
  );
}
