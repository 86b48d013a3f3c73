import type { Instrument } from "../../contract/model";

/** The shipped instruments, in the order a trader reads them: the stocks, then the benchmark. */
export const DEFAULT_WATCHLIST = ["005380.KS", "000270.KS", "^KS11"] as const;

/**
 * Every instrument the server lists: the shipped ones first in their usual order, then
 * the rest as the server sent them. Nothing is left out, so a scenario that plays other
 * symbols, or more of them, still gets a chart for each.
 */
export function watchlistOf(instruments: readonly Instrument[]): Instrument[] {
  const order: readonly string[] = DEFAULT_WATCHLIST;
  const rank = (symbol: string) => {
    const index = order.indexOf(symbol);
    return index < 0 ? order.length : index;
  };
  // Array.prototype.sort is stable: unlisted symbols keep the server's order.
  return [...instruments].sort((a, b) => rank(a.symbol) - rank(b.symbol));
}
