"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { FeedStatus, Notice } from "../../contract/events";
import type { MarketClock } from "../../contract/model";
import type { ConnectionStatus, MarketSource } from "../lib/market/market-source";
import { FEED_RUNNING } from "../lib/market/market-base";
import { type Quote, emptyQuote } from "../lib/market/quote";

/** The page's market: the live feed, or the viewer's replay while one runs. */
export const MarketContext = createContext<MarketSource | null>(null);

export function useMarket(): MarketSource {
  const market = useContext(MarketContext);
  if (!market) throw new Error("useMarket needs a MarketContext provider");
  return market;
}

const serverQuotes = new Map<string, Quote>();
// The server render has no live data; one stable empty quote per symbol keeps React happy.
const serverQuote = (symbol: string): Quote => {
  let quote = serverQuotes.get(symbol);
  if (!quote) serverQuotes.set(symbol, (quote = emptyQuote(symbol)));
  return quote;
};

/** The live quote of `symbol`, re-rendering at most once per frame. */
export function useQuote(symbol: string): Quote {
  const market = useMarket();
  return useSyncExternalStore(
    market.subscribe,
    () => market.quote(symbol),
    () => serverQuote(symbol),
  );
}

/** Whether the live feed runs, or waits for its store. */
export function useFeedStatus(): FeedStatus {
  const market = useMarket();
  return useSyncExternalStore(
    market.subscribe,
    () => market.feedStatus(),
    () => FEED_RUNNING,
  );
}

/** The feed's market clock, null until the first `clock` event. */
export function useMarketClock(): MarketClock | null {
  const market = useMarket();
  return useSyncExternalStore(
    market.subscribe,
    () => market.clock(),
    () => null,
  );
}

export function useConnectionStatus(): ConnectionStatus {
  const market = useMarket();
  return useSyncExternalStore(
    market.subscribe,
    () => market.status(),
    () => "connecting",
  );
}

/** Why the server last dropped this page's connection (e.g. `slow_consumer`), or null. */
export function useConnectionNotice(): Notice | null {
  const market = useMarket();
  return useSyncExternalStore(
    market.subscribe,
    () => market.notice?.() ?? null,
    () => null,
  );
}

/** Moves whenever the market's clock jumps (a replay starts or seeks). */
export function useMarketEpoch(): number {
  const market = useMarket();
  return useSyncExternalStore(
    market.subscribe,
    () => market.epoch(),
    () => 0,
  );
}
