"use client";

import type { Instrument } from "../../contract/model";
import { WatchlistRow } from "./watchlist-row";

interface WatchlistProps {
  instruments: readonly Instrument[];
  focusedSymbol: string;
  onFocus: (symbol: string) => void;
}

/** Last price and change of every instrument; a row focuses its chart. */
export function Watchlist({ instruments, focusedSymbol, onFocus }: WatchlistProps) {
  return (
    <section className="panel watchlist" aria-labelledby="watchlist-title">
      <h2 id="watchlist-title" className="panel-title">
        Watchlist
      </h2>
      <table className="data-table quotes">
        <caption className="sr-only">Last price and change against the previous close</caption>
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col" className="num">
              Last
            </th>
            <th scope="col" className="num">
              Chg
            </th>
            <th scope="col" className="num">
              Chg %
            </th>
          </tr>
        </thead>
        <tbody>
          {instruments.map((instrument) => (
            <WatchlistRow key={instrument.symbol} instrument={instrument} focused={instrument.symbol === focusedSymbol} onFocus={onFocus} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
