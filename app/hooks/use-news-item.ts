"use client";

import { useEffect, useState } from "react";
import type { NewsItem } from "../../contract/model";
import { ApiError, fetchReactions, findNews } from "../lib/transport/reaction-api";

export interface NewsItemState {
  item: NewsItem | null;
  /** The literal "missing" when the id is unknown, else what went wrong. */
  error: string | null;
}

/**
 * One headline by id. The API has no lookup by id, so its publish time (from the
 * reaction) narrows the news query to that instant; a headline without a reaction is
 * looked for among the newest instead.
 */
export function useNewsItem(newsId: string): NewsItemState {
  const [state, setState] = useState<NewsItemState>({ item: null, error: null });
  useEffect(() => {
    const abort = new AbortController();
    const find = async (): Promise<NewsItem | null> => {
      const reactions = await fetchReactions(newsId);
      const at = reactions[0] ? Date.parse(reactions[0].publishedAt) : null;
      const candidates = await findNews(at === null ? {} : { from: at, to: at }, abort.signal);
      return candidates.find((n) => n.id === newsId) ?? null;
    };
    find().then(
      (item) => !abort.signal.aborted && setState({ item, error: item ? null : "missing" }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({
          item: null,
          error: error instanceof ApiError && error.status === 404 ? "missing" : String((error as Error).message),
        });
      },
    );
    return () => abort.abort();
  }, [newsId]);
  return state;
}
