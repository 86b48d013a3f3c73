"use client";

import { type RefObject, useEffect } from "react";
import type { Instrument, Interval } from "../../contract/model";
import { describeChange } from "../lib/format/describe-change";
import { formatPrice } from "../lib/format/format-number";
import { useQuote } from "../hooks/use-market";
import styles from "./price-chart.module.css";
import ui from "./ui.module.css";

const INTERVAL_WORDS: Record<Interval, string> = {
  "1s": "1-second",
  "1m": "1-minute",
  "5m": "5-minute",
  "1h": "hourly",
  "1d": "daily",
};

interface ChartQuoteProps {
  instrument: Instrument;
  interval: Interval;
  markerCount: number;
  /** The chart's canvas host, whose text alternative names the last price. */
  host: RefObject<HTMLDivElement | null>;
}

/**
 * A chart's last price and change, and the chart's text alternative that names them: the
 * only part of a chart card that changes with every trade, so only it re-renders per frame
 * (the chart itself is drawn imperatively).
 */
export function ChartQuote({ instrument, interval, markerCount, host }: ChartQuoteProps) {
  const { symbol, decimals } = instrument;
  const quote = useQuote(symbol);
  const change = describeChange(quote, decimals);
  const last = quote.last ? formatPrice(quote.last.price, decimals) : null;
  const label = [
    `${instrument.name} (${symbol}), ${INTERVAL_WORDS[interval]} candlestick chart with volume, times in KST.`,
    last
      ? `Last ${last}${instrument.kind === "stock" ? " won" : ""}, ${change.abs} (${change.pct}) against the previous close.`
      : "No trades yet.",
    `${markerCount} news ${markerCount === 1 ? "marker" : "markers"}.`,
  ].join(" ");

  useEffect(() => {
    host.current?.setAttribute("aria-label", label);
  }, [host, label]);

  return (
    <p className={styles.quote} aria-hidden="true">
      <span className={styles.price} data-testid="chart-price">
        {last ?? "\u2013"}
      </span>{" "}
      <span className={`${styles.change} ${ui[change.direction]}`}>
        {change.arrow} {change.abs} ({change.pct})
      </span>
    </p>
  );
}
