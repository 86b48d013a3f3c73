"use client";

import { useEffect, useState } from "react";
import type { NewsItem } from "../../contract/model";
import { fetchReactions, findNews } from "../lib/transport/reaction-api";
import { type ReactionRow, rowsOf } from "../lib/state/reaction-rows";

// Each reaction is computed on request from stored ticks: a few at a time keeps the
// server responsive for the dashboard while the table fills in.
const CONCURRENCY = 4;

export interface ReactionRowsState {
  rows: ReactionRow[];
  /** Headlines whose reactions have arrived (or failed), of `total`. */
  loaded: number;
  total: number | null;
  failed: number;
  error: string | null;
}

/** Every headline (up to the API's 500 newest) with one row per ticker reaction. */
export function useReactionRows(): ReactionRowsState {
  const [state, setState] = useState<ReactionRowsState>({ rows: [], loaded: 0, total: null, failed: 0, error: null });

  useEffect(() => {
    const abort = new AbortController();
    const run = async () => {
      let news: NewsItem[];
      try {
        news = await findNews({}, abort.signal);
      } catch (error) {
        if (!abort.signal.aborted) setState((s) => ({ ...s, error: (error as Error).message }));
        return;
      }
      setState({ rows: [], loaded: 0, total: news.length, failed: 0, error: null });
      const queue = [...news];
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          try {
            const rows = rowsOf(item, await fetchReactions(item.id));
            if (abort.signal.aborted) return;
            setState((s) => ({ ...s, rows: [...s.rows, ...rows], loaded: s.loaded + 1 }));
          } catch {
            if (abort.signal.aborted) return;
            setState((s) => ({ ...s, loaded: s.loaded + 1, failed: s.failed + 1 }));
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    void run();
    return () => abort.abort();
  }, []);

  return state;
}
