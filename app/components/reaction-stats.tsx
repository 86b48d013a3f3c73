import type { ReactNode } from "react";
import type { Reaction } from "../../contract/model";
import { BENCHMARK } from "../../domain/benchmark";
import { formatPercent, formatPrice } from "../lib/format/format-number";
import {
  formatBasisPoints,
  formatMinutesSeconds,
  formatMultiple,
  formatTStat,
  isSignificant,
} from "../lib/format/reaction-format";
import { ReactionFigure } from "./reaction-figure";
import styles from "./reaction-card.module.css";

function Stat({ label, hint, children }: { label: ReactNode; hint: string; children: ReactNode }) {
  return (
    <div className={styles.stat}>
      <dt title={hint}>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The abnormal return against the market model, and the path inside the event window. */
export function ReactionStats({ reaction: r }: { reaction: Reaction }) {
  const abnormal = r.abnormal;
  const significant = abnormal !== null && isSignificant(abnormal.tStat);
  // Before the first minute of the event window there is nothing to test.
  const tested = abnormal !== null && r.eventWindow.minutes > 0;
  const noModel =
    r.symbol === BENCHMARK ? "the benchmark itself: no abnormal return" : "no estimation data before the event";
  const percent = { format: formatPercent, shownDecimals: 2, scale: 100 } as const;
  const plain = { shownDecimals: 2, signed: false, missingTitle: noModel } as const;

  return (
    <dl className={styles.stats}>
      <Stat label="CAR" hint="Cumulative abnormal return over the event window, against the market model">
        <ReactionFigure value={abnormal?.car ?? null} {...percent} testId="car" missingTitle={noModel} />
      </Stat>
      <Stat label="t-stat" hint="CAR divided by the residual standard deviation × √minutes">
        <ReactionFigure value={abnormal?.tStat ?? null} format={formatTStat} {...plain} testId="tstat" />
        {tested && (
          <span
            className={significant ? styles.sigChip : styles.insigChip}
            data-testid="significance"
            title="Two-sided test at 5%: significant when |t| ≥ 1.96"
          >
            {significant ? "significant" : "not significant"}
          </span>
        )}
      </Stat>
      <Stat label="α" hint="Market-model intercept per 1-minute return, in basis points">
        <ReactionFigure value={abnormal?.alpha ?? null} format={formatBasisPoints} {...plain} testId="alpha" />
      </Stat>
      <Stat label="β" hint="Sensitivity to the benchmark's 1-minute returns">
        <ReactionFigure value={abnormal?.beta ?? null} format={(b) => formatPrice(b, 2)} {...plain} testId="beta" />
      </Stat>
      <Stat label="Peak move" hint="Largest move from the pre-event price inside the event window">
        <ReactionFigure value={r.peakMove} {...percent} testId="peak" />
      </Stat>
      <Stat
        label={
          <>
            Time to peak <span className={styles.unit}>mm:ss</span>
          </>
        }
        hint="Time from t0 to the peak move, minutes:seconds"
      >
        <span className={styles.figure} data-testid="time-to-peak" data-value={String(r.timeToPeakMs)}>
          {r.timeToPeakMs === null ? "—" : formatMinutesSeconds(r.timeToPeakMs)}
        </span>
      </Stat>
      <Stat label="Max drawdown" hint="Worst fall from a running high inside the event window">
        <ReactionFigure value={r.maxDrawdown} {...percent} testId="drawdown" />
      </Stat>
      <Stat label="Volume surge" hint="Volume in the event window against the same time of day on earlier sessions">
        <ReactionFigure
          value={r.volumeSurge}
          format={formatMultiple}
          {...plain}
          testId="volume-surge"
          missingTitle="no earlier sessions to compare with"
        />
      </Stat>
    </dl>
  );
}
