import type { DailyReaction } from "../../contract/model";
import { BENCHMARK } from "../../domain/benchmark";
import { formatPercent, formatPrice } from "../lib/format/format-number";
import { formatMultiple, formatTStat, isSignificant } from "../lib/format/reaction-format";
import { ReactionFigure } from "./reaction-figure";
import styles from "./reaction-card.module.css";

const WINDOW_LABELS: Record<string, string> = {
  "0": "Day 0",
  "-1..1": "Days −1…+1",
  "0..1": "Days 0…+1",
  "0..5": "Days 0…+5",
  "0..20": "Days 0…+20",
};

const testIdOf = (window: string) => window.replace("..", "to").replace("-", "m");

/** The daily event study of one ticker: returns, CARs and t by window, and its market model. */
export function ReactionDaily({ daily, symbol, decimals }: { daily: DailyReaction; symbol: string; decimals: number }) {
  const model = daily.model;
  const percent = { format: formatPercent, shownDecimals: 2, scale: 100 } as const;
  // Windows whose closes are not in yet are summed up in one line, not a column of dashes.
  const known = daily.windows.filter((w) => w.return !== null);
  const pending = daily.windows.filter((w) => w.return === null);
  return (
    <section className={styles.daily} data-testid="reaction-daily" aria-label={`Daily event study of ${symbol}`}>
      <p className={styles.dailyHead}>
        <span className={styles.dailyTitle}>Daily event study</span> day 0 ={" "}
        <strong data-testid="daily-event-day">{daily.eventDay}</strong>, from the{" "}
        <strong data-testid="daily-base-price" data-value={String(daily.basePrice)}>
          {formatPrice(daily.basePrice, decimals)}
        </strong>{" "}
        close of {daily.baseDay}
      </p>
      <table className={styles.dailyTable}>
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col">Return</th>
            <th
              scope="col"
              title={`Cumulative abnormal return: the window's daily returns less α + β × ${BENCHMARK}'s`}
            >
              CAR
            </th>
            <th scope="col" title="CAR / (residual sd × √days); significant at 5% when |t| ≥ 1.96">
              t
            </th>
          </tr>
        </thead>
        <tbody>
          {known.map((w) => (
            <tr
              key={w.window}
              data-testid={`daily-${testIdOf(w.window)}`}
              title={`${w.from} to ${w.to}${w.reason ? `: ${w.reason}` : ""}`}
            >
              <th scope="row">{WINDOW_LABELS[w.window] ?? w.window}</th>
              <td>
                <ReactionFigure
                  value={w.return}
                  {...percent}
                  testId="daily-return"
                  missingTitle={w.reason ?? "not known"}
                />
              </td>
              <td>
                <ReactionFigure
                  value={w.abnormal}
                  {...percent}
                  testId="daily-car"
                  missingTitle={w.reason ?? "not known"}
                />
              </td>
              <td>
                <ReactionFigure
                  value={w.tStat}
                  format={formatTStat}
                  shownDecimals={2}
                  signed={false}
                  testId="daily-t"
                  missingTitle={w.reason ?? "not known"}
                />
                {w.tStat !== null && (
                  <span
                    className={isSignificant(w.tStat) ? styles.sigChip : styles.insigChip}
                    data-testid="daily-significance"
                  >
                    {isSignificant(w.tStat) ? "significant" : "not significant"}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending.length > 0 && (
        <p className={styles.dailyModel} data-testid="daily-pending">
          {pending.map((w) => WINDOW_LABELS[w.window] ?? w.window).join(", ")}: {pending[0]!.reason ?? "not known"}.
        </p>
      )}
      <p className={styles.dailyModel} data-testid="daily-model">
        {model ? (
          <>
            Market model: OLS on n = {formatPrice(model.n, 0)} daily returns against {BENCHMARK}, {model.from} to{" "}
            {model.to} (days {daily.estimationWindow.from}…{daily.estimationWindow.to}, other headlines' days left out);
            α {formatPrice(model.alpha * 100, 3)}% a day, β {formatPrice(model.beta, 2)}, residual sd{" "}
            {formatPrice(model.residualSd * 100, 2)}%.
          </>
        ) : (
          <>No daily market model: {daily.modelReason}.</>
        )}{" "}
        {daily.volumeSurge !== null ? (
          <>
            Volume surge day 0:{" "}
            <ReactionFigure
              value={daily.volumeSurge}
              format={formatMultiple}
              shownDecimals={2}
              signed={false}
              testId="daily-volume-surge"
            />{" "}
            the estimation window's mean daily volume.
          </>
        ) : (
          <span data-testid="daily-volume-surge" data-value="">
            No daily volume surge: {known.length === 0 ? "no day-0 close yet" : "no volume in the estimation window"}.
          </span>
        )}
      </p>
    </section>
  );
}
