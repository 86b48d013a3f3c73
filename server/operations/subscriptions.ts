import type { Snapshot } from "../../contract/model";
import type { AppContext } from "./context";
import { requireInstrument } from "./require-instrument";

/** A connection's live subscription, as the transport keeps it (Socket.IO rooms). */
export interface Subscription {
  symbols(): string[];
  set(symbols: readonly string[]): Promise<void>;
}

/**
 * Adds known `symbols` to a subscription, then answers their snapshots: joined first, so
 * no batch stored after the snapshot is missed (one may arrive before the answer).
 */
export async function subscribe(
  ctx: AppContext,
  subscription: Subscription,
  symbols: readonly string[],
): Promise<Snapshot[]> {
  const unique = [...new Set(symbols)];
  for (const symbol of unique) requireInstrument(ctx, symbol, "symbols");
  await subscription.set([...subscription.symbols(), ...unique]);
  return Promise.all(unique.map((s) => ctx.market.snapshot(s)));
}

/** Drops `symbols` from a subscription (unknown ones are no-ops). */
export async function unsubscribe(subscription: Subscription, symbols: readonly string[]): Promise<void> {
  const drop = new Set(symbols);
  await subscription.set(subscription.symbols().filter((symbol) => !drop.has(symbol)));
}
