import { arrowOf, directionOf } from "../lib/format/format-number";
import styles from "./reaction-card.module.css";
import ui from "./ui.module.css";

export interface ReactionFigureProps {
  value: number | null;
  format: (value: number) => string;
  /** Decimals the text shows, so a figure that prints as 0.00 is not coloured as a move. */
  shownDecimals: number;
  /** Multiplier between the value and the printed number (100 for a percentage). */
  scale?: number;
  testId?: string;
  /** Colour and arrow by sign (returns, CAR); off for figures without a direction. */
  signed?: boolean;
  /** Why a missing value is missing, shown on hover. */
  missingTitle?: string | undefined;
}

/**
 * One number of a reaction. `data-value` carries the raw figure from the API (empty when
 * unknown) so tests and tools compare exact values, not the rounded text.
 */
export function ReactionFigure({
  value,
  format,
  shownDecimals,
  scale = 1,
  testId,
  signed = true,
  missingTitle = "not reached yet",
}: ReactionFigureProps) {
  if (value === null) {
    return (
      <span className={styles.missing} data-testid={testId} data-value="" title={missingTitle}>
        <span aria-hidden="true">—</span>
        <span className={ui.srOnly}>{missingTitle}</span>
      </span>
    );
  }
  const direction = signed ? directionOf(value * scale, shownDecimals) : "flat";
  const arrow = arrowOf(direction);
  return (
    <span className={`${styles.figure} ${ui[direction]}`} data-testid={testId} data-value={String(value)}>
      {arrow && (
        <span className={ui.arrow} aria-hidden="true">
          {arrow}
        </span>
      )}
      {format(value)}
    </span>
  );
}
