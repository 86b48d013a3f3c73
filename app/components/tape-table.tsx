"use client";

import { memo } from "react";
import type { Instrument, Tick } from "../../contract/model";
import type { Direction } from "../lib/format/format-number";
import { formatKstTime } from "../lib/format/format-kst";
import { arrowOf, directionOf, formatPrice, formatSize } from "../lib/format/format-number";
import { useQuote } from "../hooks/use-market";
import { FiguresHead } from "./figures-head";
import styles from "./time-and-sales.module.css";
import ui from "./ui.module.css";

const TAPE_FIGURES = ["Price", "Size"] as const;

/** One instrument's recent trades, newest first; price marked up/down against the trade before. */
export function TapeTable({ instrument, visible }: { instrument: Instrument; visible: boolean }) {
  const { recent } = useQuote(instrument.symbol);
  return (
    <div
      className={visible ? styles.scroll : ui.srOnly}
      data-testid={`time-and-sales-${instrument.symbol}`}
      // When the trades overflow, keyboard users must be able to scroll them too.
      tabIndex={visible ? 0 : undefined}
      role={visible ? "region" : undefined}
      aria-label={visible ? `${instrument.name} trades` : undefined}
    >
      <table className={`${ui.table} ${styles.trades}`}>
        <caption>
          <span className={styles.name}>{instrument.name}</span>{" "}
          <span className={ui.instrumentSymbol}>{instrument.symbol}</span>
          <span className={ui.srOnly}>: last {recent.length} trades, newest first, times in KST</span>
        </caption>
        <FiguresHead label="Time (KST)" figures={TAPE_FIGURES} />
        <tbody>
          {recent.length === 0 && (
            <tr>
              <td colSpan={3} className={ui.muted}>
                No trades yet
              </td>
            </tr>
          )}
          {recent.map((tick, i) => {
            const before = recent[i + 1];
            const direction = before ? directionOf(tick.price - before.price, instrument.decimals) : "flat";
            return <TapeRow key={tick.seq} tick={tick} direction={direction} decimals={instrument.decimals} />;
          })}
        </tbody>
      </table>
    </div>
  );
}

// A trade's row never changes once shown: a new trade re-renders only its own row, not the
// table's other rows (each of three tables re-rendered every frame under a fast feed).
const TapeRow = memo(function TapeRow({
  tick,
  direction,
  decimals,
}: {
  tick: Tick;
  direction: Direction;
  decimals: number;
}) {
  return (
    <tr>
      <td className={`${ui.num} ${styles.time}`}>{formatKstTime(tick.ts)}</td>
      <td className={`${ui.num} ${ui[direction]}`}>
        <span className={ui.arrow} aria-hidden="true">
          {arrowOf(direction)}
        </span>
        {formatPrice(tick.price, decimals)}
      </td>
      <td className={ui.num}>{formatSize(tick.size)}</td>
    </tr>
  );
});
