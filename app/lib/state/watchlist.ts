import type { Instrument } from "../../../contract/model";
import type { DataSource } from "../../../contract/resolution";
import { SHIPPED_SYMBOLS } from "../../../domain/universe/shipped-symbols";

/** The shipped instruments, in the order a trader reads them: the stocks, then the benchmark. */
export const DEFAULT_WATCHLIST = ["005380.KS", "000270.KS", "^KS11"] as const;

/**
 * The watchlist a first visit opens with: the default symbols first in their usual order,
 * then every other instrument that has prices or is not of the shipped universe (a
 * scenario's or an import's own symbols), so a scenario that plays other symbols, or
 * more of them, still gets a chart for each. The rest of the universe waits to be added.
 */
export function watchlistOf(instruments: readonly Instrument[]): Instrument[] {
  const order: readonly string[] = DEFAULT_WATCHLIST;
  const rank = (symbol: string) => {
    const index = order.indexOf(symbol);
    return index < 0 ? order.length : index;
  };
  const shown = instruments.filter(
    (i) => order.includes(i.symbol) || i.hasData === true || !SHIPPED_SYMBOLS.has(i.symbol),
  );
  // Array.prototype.sort is stable: unlisted symbols keep the server's order.
  return [...shown].sort((a, b) => rank(a.symbol) - rank(b.symbol));
}

/**
 * The instruments with `hasData` as the recorded sources say now: the listing's flag is as
 * of page load, and an import into the running server announces new sources, not a new
 * listing. A symbol with a stored run has prices; a flag already true stays true.
 */
export function withStoredPrices<T extends Instrument>(instruments: readonly T[], sources: readonly DataSource[]): T[] {
  const priced = new Set(sources.map((s) => s.symbol));
  return instruments.map((i) => (i.hasData !== true && priced.has(i.symbol) ? { ...i, hasData: true } : i));
}
