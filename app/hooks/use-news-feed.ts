"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { NewsItem } from "../../contract/model";
import { fetchNews } from "../lib/transport/api-client";
import type { MarketSource } from "../lib/market/market-source";

const NEWS_LIMIT = 100;

function newestFirst(items: readonly NewsItem[]): NewsItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return [...byId.values()].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
}

/**
 * Headlines, newest first: the stored ones (up to the replay clock during a replay), then
 * each pushed one as it arrives. A new market, a replay jump or a new live connection
 * (market.newsEpoch) reloads the list; the old list stays up until the new one is in, so
 * the column does not blink empty.
 */
export function useNewsFeed(market: MarketSource): {
  items: NewsItem[];
  latest: NewsItem | null;
  error: string | null;
} {
  const [items, setItems] = useState<NewsItem[]>([]);
  const [latest, setLatest] = useState<NewsItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const epoch = useSyncExternalStore(
    market.subscribe,
    () => market.epoch(),
    () => 0,
  );
  const newsEpoch = useSyncExternalStore(
    market.subscribe,
    () => market.newsEpoch(),
    () => 0,
  );

  // The announced headline belongs to the market and clock it came from.
  useEffect(() => setLatest(null), [market, epoch]);

  useEffect(() => {
    const abort = new AbortController();
    let loaded = false;
    const early: NewsItem[] = [];
    // Listen first, so a headline pushed while the list loads is not lost.
    const off = market.onNews((item) => {
      if (loaded) setItems((current) => newestFirst([item, ...current]));
      else early.push(item);
      setLatest(item);
    });
    const until = market.newsUntil();
    if (until === null) {
      setItems([]);
      return () => off();
    }
    fetchNews(NEWS_LIMIT, abort.signal, until).then(
      (stored) => {
        loaded = true;
        setItems(newestFirst([...early, ...stored]));
        setError(null);
      },
      (reason: unknown) => {
        if (!abort.signal.aborted) setError(reason instanceof Error ? reason.message : "could not load news");
      },
    );
    return () => {
      abort.abort();
      off();
    };
  }, [market, newsEpoch]);

  return { items, latest, error };
}
