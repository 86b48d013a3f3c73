import type { Tick } from "../../contract/model";
import { MAX_TICKS_LIMIT, type TicksQuery } from "../../contract/schemas";
import type { AppContext } from "./context";
import { requireInstrument } from "./require-instrument";

/** Stored ticks of a known instrument, ascending by seq. */
export async function findTicks(ctx: AppContext, query: TicksQuery): Promise<Tick[]> {
  requireInstrument(ctx, query.symbol);
  return ctx.store.ticks.find(query);
}

/** Every stored tick after `afterSeq`, a page at a time: `more` says to ask again from the last seq. */
export async function resumeTicks(
  ctx: AppContext,
  symbol: string,
  afterSeq: number,
): Promise<{ ticks: Tick[]; more: boolean }> {
  requireInstrument(ctx, symbol);
  const ticks = await ctx.store.ticks.find({ symbol, afterSeq, limit: MAX_TICKS_LIMIT });
  // A full page means there may be more.
  return { ticks, more: ticks.length === MAX_TICKS_LIMIT };
}
