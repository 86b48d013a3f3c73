"use client";

import { useEffect, useState } from "react";
import type { Instrument } from "../../contract/model";
import { fetchInstruments } from "../lib/transport/api-client";
import { useTheme } from "../hooks/use-theme";
import { readSavedWatchlist, saveWatchlist } from "../lib/state/saved-watchlist";
import { watchlistOf } from "../lib/state/watchlist";
import { AppFooter } from "./app-footer";
import { LiveDashboard } from "./live-dashboard";
import header from "./app-header.module.css";
import ui from "./ui.module.css";

/** Loads the instruments, then hands over to the live dashboard. */
export function Dashboard() {
  const [universe, setUniverse] = useState<Instrument[] | null>(null);
  const [watched, setWatched] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { theme, toggle } = useTheme();

  useEffect(() => {
    const abort = new AbortController();
    fetchInstruments(abort.signal).then(
      (list) => {
        const known = new Set(list.map((i) => i.symbol));
        const saved = readSavedWatchlist()?.filter((s) => known.has(s));
        setUniverse(list);
        setWatched(saved && saved.length > 0 ? saved : watchlistOf(list).map((i) => i.symbol));
      },
      (reason: unknown) => {
        if (!abort.signal.aborted) setError(reason instanceof Error ? reason.message : "could not load instruments");
      },
    );
    return () => abort.abort();
  }, []);

  const changeWatched = (symbols: string[]) => {
    saveWatchlist(symbols);
    setWatched(symbols);
  };
  if (universe) {
    const bySymbol = new Map(universe.map((i) => [i.symbol, i]));
    const instruments = watched.flatMap((s) => bySymbol.get(s) ?? []);
    // A new watchlist is a new live session: the market connection subscribes to its symbols.
    return (
      <LiveDashboard
        key={watched.join(",")}
        instruments={instruments}
        universe={universe}
        onWatchedChange={changeWatched}
        theme={theme}
        onToggleTheme={toggle}
      />
    );
  }
  return (
    <div className="app">
      <header className={header.header}>
        <div className={header.brand}>
          <h1 className={header.name}>Aftershock</h1>
          <span className={header.feedBadge} data-testid="feed-badge">
            Simulated
          </span>
        </div>
      </header>
      <main className="app-loading">
        {error ? (
          <p role="alert">The dashboard could not start: {error}. Reload the page to try again.</p>
        ) : (
          <p className={ui.muted}>Loading instruments…</p>
        )}
      </main>
      <AppFooter />
    </div>
  );
}
