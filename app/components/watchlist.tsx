"use client";

import { useState } from "react";
import type { Instrument } from "../../contract/model";
import { searchInstruments } from "../lib/state/instrument-search";
import { FiguresHead } from "./figures-head";
import { WatchlistRow } from "./watchlist-row";
import styles from "./watchlist.module.css";
import ui from "./ui.module.css";

const QUOTE_FIGURES = ["Last", "Chg", "Chg %"] as const;

interface WatchlistProps {
  instruments: readonly Instrument[];
  universe: readonly Instrument[];
  onWatchedChange: (symbols: string[]) => void;
  focusedSymbol: string;
  onFocus: (symbol: string) => void;
}

/** Last price and change of every instrument; a row focuses its chart. */
export function Watchlist({ instruments, universe, onWatchedChange, focusedSymbol, onFocus }: WatchlistProps) {
  const [query, setQuery] = useState("");
  const watched = instruments.map((i) => i.symbol);
  const matches = searchInstruments(
    universe.filter((i) => !watched.includes(i.symbol)),
    query,
  );
  const add = (symbol: string) => {
    setQuery("");
    onWatchedChange([...watched, symbol]);
  };
  const remove = (symbol: string) => onWatchedChange(watched.filter((s) => s !== symbol));
  return (
    <section className={ui.panel} aria-labelledby="watchlist-title">
      <h2 id="watchlist-title" className={ui.panelTitle}>
        Watchlist
      </h2>
      <table className={`${ui.table} ${styles.quotes}`}>
        <caption className={ui.srOnly}>Last price and change against the previous close</caption>
        <FiguresHead label="Instrument" figures={QUOTE_FIGURES} />
        <tbody>
          {instruments.map((instrument) => (
            <WatchlistRow
              key={instrument.symbol}
              instrument={instrument}
              focused={instrument.symbol === focusedSymbol}
              onFocus={onFocus}
              {...(instruments.length > 1 && { onRemove: remove })}
            />
          ))}
        </tbody>
      </table>
      <form
        className={styles.add}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches[0]) add(matches[0].symbol);
        }}
      >
        <label htmlFor="watchlist-search" className={ui.srOnly}>
          Add an instrument
        </label>
        <input
          id="watchlist-search"
          type="search"
          placeholder="Add: symbol, name, 종목명, ㅅㅅㅈㅈ"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="watchlist-search"
        />
        {matches.length > 0 && (
          <ul className={styles.matches} aria-label="Matching instruments">
            {matches.map((m) => (
              <li key={m.symbol}>
                <button
                  type="button"
                  className={ui.plainButton}
                  onClick={() => add(m.symbol)}
                  data-testid={`watchlist-add-${m.symbol}`}
                >
                  <span className={ui.instrumentName}>{m.name}</span> <span lang="ko">{m.nameKo}</span>{" "}
                  <span className={ui.instrumentSymbol}>{m.symbol}</span>
                  {m.hasData === false && <span className={ui.muted}> · no prices</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </form>
    </section>
  );
}
