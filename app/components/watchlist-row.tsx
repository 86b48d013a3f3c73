"use client";

import type { Instrument } from "../../contract/model";
import { describeChange } from "../lib/format/describe-change";
import { formatPrice } from "../lib/format/format-number";
import { useQuote } from "../hooks/use-live-market";

interface WatchlistRowProps {
  instrument: Instrument;
  focused: boolean;
  onFocus: (symbol: string) => void;
}

/** One instrument's live quote; the whole row is clickable, the name is the keyboard target. */
export function WatchlistRow({ instrument, focused, onFocus }: WatchlistRowProps) {
  const quote = useQuote(instrument.symbol);
  const change = describeChange(quote, instrument.decimals);
  const last = quote.last ? formatPrice(quote.last.price, instrument.decimals) : "\u2013";
  return (
    <tr
      className={`quote-row${focused ? " is-focused" : ""}`}
      data-testid={`watchlist-row-${instrument.symbol}`}
      aria-current={focused ? "true" : undefined}
      onClick={() => onFocus(instrument.symbol)}
    >
      <th scope="row">
        <button
          type="button"
          className="row-button"
          onClick={(event) => {
            event.stopPropagation();
            onFocus(instrument.symbol);
          }}
          title={`Show the ${instrument.name} chart`}
        >
          <span className="instrument-name">{instrument.name}</span>
          <span className="instrument-symbol">{instrument.symbol}</span>
        </button>
      </th>
      <td className="num price" data-testid="last-price">
        {last}
      </td>
      <td className={`num change is-${change.direction}`} data-testid="change">
        <span className="arrow" aria-hidden="true">
          {change.arrow}
        </span>
        {change.abs}
      </td>
      <td className={`num change is-${change.direction}`} data-testid="change-pct">
        {change.pct}
      </td>
    </tr>
  );
}
