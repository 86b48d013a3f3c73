"use client";

import type { Instrument } from "../../contract/model";
import { describeChange } from "../lib/format/describe-change";
import { formatPrice } from "../lib/format/format-number";
import { useQuote } from "../hooks/use-market";
import styles from "./watchlist.module.css";
import ui from "./ui.module.css";

interface WatchlistRowProps {
  instrument: Instrument;
  focused: boolean;
  onFocus: (symbol: string) => void;
  onRemove?: (symbol: string) => void;
}

/** One instrument's live quote; the whole row is clickable, the name is the keyboard target. */
export function WatchlistRow({ instrument, focused, onFocus, onRemove }: WatchlistRowProps) {
  const quote = useQuote(instrument.symbol);
  const change = describeChange(quote, instrument.decimals);
  const last = quote.last ? formatPrice(quote.last.price, instrument.decimals) : "\u2013";
  return (
    <tr
      className={`${styles.row}${focused ? ` ${ui.selected}` : ""}`}
      data-testid={`watchlist-row-${instrument.symbol}`}
      aria-current={focused ? "true" : undefined}
      onClick={() => onFocus(instrument.symbol)}
    >
      <th scope="row">
        <button
          type="button"
          className={`${ui.plainButton} ${styles.rowButton}`}
          onClick={(event) => {
            event.stopPropagation();
            onFocus(instrument.symbol);
          }}
          title={`Show the ${instrument.name} chart`}
        >
          <span className={ui.instrumentName}>{instrument.name}</span>
          {instrument.nameKo && instrument.nameKo !== instrument.name && (
            <span className={styles.nameKo} lang="ko">
              {instrument.nameKo}
            </span>
          )}
          <span className={ui.instrumentSymbol}>{instrument.symbol}</span>
          {/* hasData follows the recorded sources (live-dashboard.tsx); a live price counts too. */}
          {instrument.hasData === false && !quote.last && (
            <span className={`${ui.muted} ${styles.noData}`} data-testid="no-data">
              no prices: not simulated (FEED_SYMBOLS) nor imported
            </span>
          )}
        </button>
        {onRemove && (
          <button
            type="button"
            className={styles.remove}
            aria-label={`Remove ${instrument.name} from the watchlist`}
            data-testid={`watchlist-remove-${instrument.symbol}`}
            onClick={(event) => {
              event.stopPropagation();
              onRemove(instrument.symbol);
            }}
          >
            ×
          </button>
        )}
      </th>
      <td className={`${ui.num} ${styles.price}`} data-testid="last-price">
        {last}
      </td>
      <td className={`${ui.num} ${ui[change.direction]}`} data-testid="change">
        <span className={ui.arrow} aria-hidden="true">
          {change.arrow}
        </span>
        {change.abs}
      </td>
      <td className={`${ui.num} ${ui[change.direction]}`} data-testid="change-pct">
        {change.pct}
      </td>
    </tr>
  );
}
