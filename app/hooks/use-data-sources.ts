"use client";

import { useEffect, useState } from "react";
import type { DataSource } from "../../contract/resolution";
import { fetchHealth, fetchSources } from "../lib/transport/api-client";
import type { LiveMarket } from "../lib/market/live-market";

/** The recorded data sources and the server's feed name, read again whenever the server announces an import. */
export interface DataSources {
  sources: DataSource[];
  feed: string | null;
  /** Grows with every announced import: charts reload their history on it. */
  version: number;
}

/** Keeps the page's knowledge of where its prices come from current. */
export function useDataSources(live: LiveMarket): DataSources {
  const [state, setState] = useState<DataSources>({ sources: [], feed: null, version: 0 });
  useEffect(() => {
    const abort = new AbortController();
    const load = (announced: boolean) =>
      Promise.all([fetchSources(abort.signal), fetchHealth(abort.signal)]).then(
        ([sources, health]) =>
          setState((s) => ({ sources, feed: health.feed, version: s.version + (announced ? 1 : 0) })),
        () => {}, // the labels keep what they had; the next announcement tries again
      );
    void load(false);
    const off = live.onSources(() => void load(true));
    return () => {
      off();
      abort.abort();
    };
  }, [live]);
  return state;
}
