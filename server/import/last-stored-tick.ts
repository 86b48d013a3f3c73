import type { Tick } from "../../contract/model";
import type { TickStore } from "../store/store";

const PAGE = 10_000;

/**
 * The symbol's tick with the highest seq. lastTicks() only covers symbols that have an
 * instrument row, so ticks without one (an interrupted import of a new symbol) are found
 * through the last by time, then read forward past any that share its millisecond.
 * Numbering after a lower seq would collide with stored ticks.
 */
export async function lastStoredTick(ticks: TickStore, symbol: string): Promise<Tick | null> {
  const known = (await ticks.lastTicks()).get(symbol);
  if (known) return known;
  let last = await ticks.lastAtOrBefore(symbol, Number.MAX_SAFE_INTEGER);
  while (last) {
    const later = await ticks.find({ symbol, afterSeq: last.seq, limit: PAGE });
    const end = later.at(-1);
    if (!end) break;
    last = end;
  }
  return last;
}
