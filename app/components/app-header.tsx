"use client";

import type { Theme } from "../lib/theme";
import { ConnectionIndicator } from "./connection-indicator";
import { MarketClockView } from "./market-clock-view";
import { ThemeToggle } from "./theme-toggle";

/** Product name, the SIMULATED badge, the market clock, the connection and the theme switch. */
export function AppHeader({ theme, onToggleTheme }: { theme: Theme; onToggleTheme: () => void }) {
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="brand-name">Aftershock</h1>
        <span
          className="feed-badge"
          data-testid="feed-badge"
          title="Prices on this page come from Aftershock's seeded KRX simulator, not from an exchange"
        >
          Simulated
        </span>
      </div>
      <div className="header-status">
        <MarketClockView />
        <ConnectionIndicator />
        <ThemeToggle theme={theme} onToggle={onToggleTheme} />
      </div>
    </header>
  );
}
