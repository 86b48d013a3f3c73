"use client";

import { useEffect, useState } from "react";
import type { Instrument } from "../../contract/model";
import { fetchInstruments } from "../lib/transport/api-client";
import { useTheme } from "../hooks/use-theme";
import { watchlistOf } from "../lib/state/watchlist";
import { AppFooter } from "./app-footer";
import { LiveDashboard } from "./live-dashboard";

/** Loads the instruments, then hands over to the live dashboard. */
export function Dashboard() {
  const [instruments, setInstruments] = useState<Instrument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { theme, toggle } = useTheme();

  useEffect(() => {
    const abort = new AbortController();
    fetchInstruments(abort.signal).then(
      (list) => setInstruments(watchlistOf(list)),
      (reason: unknown) => {
        if (!abort.signal.aborted) setError(reason instanceof Error ? reason.message : "could not load instruments");
      },
    );
    return () => abort.abort();
  }, []);

  if (instruments) return <LiveDashboard instruments={instruments} theme={theme} onToggleTheme={toggle} />;
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1 className="brand-name">Aftershock</h1>
          <span className="feed-badge" data-testid="feed-badge">
            Simulated
          </span>
        </div>
      </header>
      <main className="app-loading">
        {error ? (
          <p role="alert">The dashboard could not start: {error}. Reload the page to try again.</p>
        ) : (
          <p className="muted">Loading instruments…</p>
        )}
      </main>
      <AppFooter />
    </div>
  );
}
