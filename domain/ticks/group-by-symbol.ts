import type { Tick } from "../../contract/model";

/** Ticks split per symbol, each list in the order given (a batch may mix symbols). */
export function groupBySymbol(ticks: Iterable<Tick>): Map<string, Tick[]> {
  const groups = new Map<string, Tick[]>();
  for (const tick of ticks) {
    const list = groups.get(tick.symbol);
    if (list) list.push(tick);
    else groups.set(tick.symbol, [tick]);
  }
  return groups;
}
