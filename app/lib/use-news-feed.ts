"use client";

import { useEffect, useState } from "react";
import type { NewsItem } from "../../contract/model";
import { fetchNews } from "./api-client";
import type { LiveMarket } from "./live-market";

const NEWS_LIMIT = 100;

function newestFirst(items: readonly NewsItem[]): NewsItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return [...byId.values()].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
}

/** Headlines, newest first: the stored ones, then each `news` push as it arrives. */
export function useNewsFeed(market: LiveMarket): { items: NewsItem[]; latest: NewsItem | null; error: string | null } {
  const [items, setItems] = useState<NewsItem[]>([]);
  const [latest, setLatest] = useState<NewsItem | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    // Subscribe first, so a headline pushed while the list loads is not lost.
    const off = market.onNews((item) => {
      setItems((current) => newestFirst([item, ...current]));
      setLatest(item);
    });
    fetchNews(NEWS_LIMIT, abort.signal).then(
      (stored) => setItems((current) => newestFirst([...current, ...stored])),
      (reason: unknown) => {
        if (!abort.signal.aborted) setError(reason instanceof Error ? reason.message : "could not load news");
      },
    );
    return () => {
      abort.abort();
      off();
    };
  }, [market]);

  return { items, latest, error };
}
