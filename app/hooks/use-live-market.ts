"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { FeedStatus, Notice } from "../../contract/events";
import type { MarketClock } from "../../contract/model";
import type { MarketSource } from "../lib/market/market-source";
import { type Quote, emptyQuote } from "../lib/market/quote";
import type { ConnectionStatus } from "../lib/transport/tick-stream";

/** The page's market: the live feed, or the viewer's replay while one runs. */
export const LiveMarketContext = createContext<MarketSource | null>(null);

export function useLiveMarket(): MarketSource {
  const market = useContext(LiveMarketContext);
  if (!market) throw new Error("useLiveMarket needs a LiveMarketContext provider");
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
  const market = useLiveMarket();
  return useSyncExternalStore(market.subscribe, () => market.quote(symbol), () => serverQuote(symbol));
}

const RUNNING: FeedStatus = { state: "running" };

/** Whether the live feed runs, or waits for its store. */
export function useFeedStatus(): FeedStatus {
  const market = useLiveMarket();
  return useSyncExternalStore(market.subscribe, () => market.feedStatus(), () => RUNNING);
}

/** The feed's market clock, null until the first `clock` event. */
export function useMarketClock(): MarketClock | null {
  const market = useLiveMarket();
  return useSyncExternalStore(market.subscribe, () => market.clock(), () => null);
}

export function useConnectionStatus(): ConnectionStatus {
  const market = useLiveMarket();
  return useSyncExternalStore(market.subscribe, () => market.status(), () => "connecting");
}

/** Why the server last dropped this page's connection (e.g. `slow_consumer`), or null. */
export function useConnectionNotice(): Notice | null {
  const market = useLiveMarket();
  return useSyncExternalStore(market.subscribe, () => market.notice?.() ?? null, () => null);
}

/** Moves whenever the market's clock jumps (a replay starts or seeks). */
export function useMarketEpoch(): number {
  const market = useLiveMarket();
  return useSyncExternalStore(market.subscribe, () => market.epoch(), () => 0);
}
