"use client";

import { formatKstStamp, formatKstTime } from "../lib/format/format-kst";
import type { ReplayRange } from "../lib/replay/replay-range";
import type { Theme } from "../lib/state/theme";
import type { SourceLabel } from "../lib/format/data-labels";
import { useFeedScenario } from "../hooks/use-feed-scenario";
import { ColorConventionToggle } from "./color-convention-toggle";
import { ConnectionIndicator } from "./connection-indicator";
import { MarketClockView } from "./market-clock-view";
import { ThemeToggle } from "./theme-toggle";
import styles from "./app-header.module.css";

// "22 Oct 13:05 – 14:37", or with both dates when the range spans days.
function describeRange({ from, to }: ReplayRange): string {
  const start = formatKstStamp(from);
  const end = formatKstStamp(to);
  return start.slice(0, -5) === end.slice(0, -5) ? `${start} – ${formatKstTime(to).slice(0, 5)}` : `${start} – ${end}`;
}

interface AppHeaderProps {
  theme: Theme;
  onToggleTheme: () => void;
  /** The range being replayed; null when the page shows the live feed. */
  replay: ReplayRange | null;
  /** Where the page's prices come from. */
  source: SourceLabel;
}

/** Product name, the feed badge (SIMULATED with the scenario when one plays, IMPORTED · files, a mix, or REPLAY), the market clock, the connection, the colour-convention switch and the theme switch. */
export function AppHeader({ theme, onToggleTheme, replay, source }: AppHeaderProps) {
  const scenario = useFeedScenario();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <h1 className={styles.name}>Aftershock</h1>
        {replay ? (
          <span
            className={`${styles.feedBadge} ${styles.replay}`}
            data-testid="feed-badge"
            title="A replay of stored ticks: nothing on the page is live"
          >
            Replay <span className={styles.range}>{describeRange(replay)} KST</span>
          </span>
        ) : source.kind !== "simulated" ? (
          <span
            className={`${styles.feedBadge} ${styles[source.kind] ?? ""}`}
            data-testid="feed-badge"
            data-source={source.kind}
            title={
              source.kind === "imported"
                ? `Prices on this page are imported market data from ${source.files.join(", ")}`
                : "Where each chart's prices come from is shown beside its name"
            }
          >
            {source.text}
          </span>
        ) : (
          <span
            className={styles.feedBadge}
            data-testid="feed-badge"
            data-scenario={scenario ?? undefined}
            title={
              scenario
                ? `Prices on this page come from Aftershock's simulator playing the scenario "${scenario}", not from an exchange`
                : "Prices on this page come from Aftershock's seeded KRX simulator, not from an exchange"
            }
          >
            Simulated
            {scenario && (
              <>
                {" · Scenario "}
                <span className={styles.scenario}>{scenario}</span>
              </>
            )}
          </span>
        )}
        <nav aria-label="Pages" className={styles.nav}>
          <a href="/reactions" data-testid="nav-reactions">
            All reactions
          </a>
        </nav>
      </div>
      <div className={styles.status}>
        <MarketClockView />
        <ConnectionIndicator />
        <ColorConventionToggle />
        <ThemeToggle theme={theme} onToggle={onToggleTheme} />
      </div>
    </header>
  );
}
