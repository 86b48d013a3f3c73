import type { Tick } from "../../contract/model";
import { type KrxCalendar } from "../../domain/market/krx-calendar";
import { dayKeyOf } from "../../domain/market/kst";
import type { SimInstrument, SimState } from "../../domain/simulator/model";
import { Random, mixSeed } from "../../domain/simulator/random";
import type { TickStore } from "../store/store";

/**
 * The simulator's state rebuilt from what the store holds, so a restarted server carries
 * on from the last stored prices. The draws after a restart come from the seed mixed with
 * the restart point: still deterministic for a given database and seed.
 */
export async function resumeSimulation(
  store: TickStore,
  instruments: readonly SimInstrument[],
  seed: number,
  calendar: KrxCalendar,
): Promise<{ state: SimState; cursor: number } | null> {
  const last = await store.lastTicks();
  if (last.size === 0) return null;
  const lastTs = Math.max(...[...last.values()].map((t: Tick) => t.ts));
  const day = dayKeyOf(lastTs);
  const session = calendar.sessionOf(day);
  const state: SimState = { day, latent: {}, last: {}, prevClose: {}, rng: [] };
  for (const instrument of instruments) {
    const price = last.get(instrument.symbol)?.price ?? instrument.open;
    const before = session ? await store.lastAtOrBefore(instrument.symbol, session.open - 1) : null;
    state.latent[instrument.symbol] = Math.log(price);
    state.last[instrument.symbol] = price;
    state.prevClose[instrument.symbol] = before?.price ?? price;
  }
  state.rng = new Random(mixSeed(seed, lastTs)).state();
  return { state, cursor: Math.floor(lastTs / 1000) * 1000 + 1000 };
}
