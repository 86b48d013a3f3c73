"use client";

import type { Instrument } from "../../contract/model";
import { TapeTable } from "./tape-table";
import styles from "./time-and-sales.module.css";
import ui from "./ui.module.css";

interface TimeAndSalesProps {
  instruments: readonly Instrument[];
  focusedSymbol: string;
}

/**
 * The last trades of each instrument as real tables: the focused one is shown, the others
 * stay available to screen readers as the text alternative to their charts.
 */
export function TimeAndSales({ instruments, focusedSymbol }: TimeAndSalesProps) {
  return (
    <section className={`${ui.panel} ${styles.tape}`} aria-labelledby="tape-title">
      <h2 id="tape-title" className={ui.panelTitle}>
        Time &amp; sales
      </h2>
      {instruments.map((instrument) => (
        <TapeTable key={instrument.symbol} instrument={instrument} visible={instrument.symbol === focusedSymbol} />
      ))}
    </section>
  );
}
