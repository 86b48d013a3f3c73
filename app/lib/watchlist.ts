import type { Instrument } from "../../contract/model";

/** The dashboard's instruments, in the order a trader reads them: the stocks, then the benchmark. */
export const DEFAULT_WATCHLIST = ["005380.KS", "000270.KS", "^KS11"] as const;

/** The known instruments of the default watchlist, in its order (the first three known otherwise). */
export function watchlistOf(instruments: readonly Instrument[]): Instrument[] {
  const order: readonly string[] = DEFAULT_WATCHLIST;
  const listed = instruments.filter((i) => order.includes(i.symbol));
  if (listed.length === 0) return instruments.slice(0, 3);
  return listed.sort((a, b) => order.indexOf(a.symbol) - order.indexOf(b.symbol));
}
