"use client";

import { formatKstDate, formatKstTime, toKstIso } from "../lib/format/format-kst";
import { useMarketClock } from "../hooks/use-market";
import styles from "./market-clock-view.module.css";
import ui from "./ui.module.css";

/** The feed's market clock in Asia/Seoul, with the session state spelled out. */
export function MarketClockView() {
  const clock = useMarketClock();
  if (!clock) {
    return (
      <div className={styles.clock} data-testid="market-clock" aria-label="Market clock: waiting for the feed">
        <span className={ui.muted}>--:--:-- KST</span>
      </div>
    );
  }
  const open = clock.session === "open";
  return (
    <div
      className={styles.clock}
      data-testid="market-clock"
      data-market-time={clock.t}
      data-session={clock.session}
      data-feed={clock.feed}
    >
      <span className={ui.srOnly}>Market time</span>
      <time dateTime={toKstIso(clock.t)}>
        <span className={styles.date}>{formatKstDate(clock.t)}</span>{" "}
        <span className={styles.time}>{formatKstTime(clock.t)}</span> <span className={styles.zone}>KST</span>
      </time>
      <span className={`${styles.session} ${open ? styles.open : styles.closed}`}>{open ? "Open" : "Closed"}</span>
      {clock.feed === "replay" ? (
        <span className={styles.speed} title="Replay speed: market time per wall-clock time">
          {clock.speed === 0 ? "max" : `×${clock.speed}`}
        </span>
      ) : (
        clock.speed !== 1 && (
          <span className={styles.speed} title={`The simulated market runs ${clock.speed} times faster than real time`}>
            ×{clock.speed}
          </span>
        )
      )}
    </div>
  );
}
