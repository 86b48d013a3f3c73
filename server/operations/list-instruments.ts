import type { InstrumentListing } from "../../contract/api";
import type { DataSource } from "../../contract/resolution";
import { toDataSource } from "../store/store";
import type { AppContext } from "./context";

/** Every instrument this node serves, each saying whether any price of it is stored. */
export function listInstruments(ctx: AppContext): InstrumentListing[] {
  return [...ctx.instruments.values()].map((i) => ({ ...i, hasData: ctx.market.lastTick(i.symbol) !== null }));
}

/** Where each instrument's stored prices came from (imports, tapes, the simulator). */
export async function listSources(ctx: AppContext): Promise<DataSource[]> {
  return (await ctx.store.sources.list()).map(toDataSource);
}
