"use client";

import type { ConnectionStatus } from "../lib/market/market-source";
import { useConnectionNotice, useConnectionStatus, useFeedStatus } from "../hooks/use-market";
import styles from "./connection-indicator.module.css";
import ui from "./ui.module.css";

const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting",
  connected: "Live",
  reconnecting: "Reconnecting",
  offline: "Offline",
};

/** The socket's state in words (a dot alone would rely on colour). */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  const notice = useConnectionNotice();
  const feed = useFeedStatus();
  const paused = status === "connected" && feed.state === "paused";
  return (
    <div
      className={`${styles.connection} ${styles[paused ? "paused" : status]}`}
      data-testid="connection-status"
      data-state={status}
      data-notice={notice?.code}
      data-feed-state={feed.state}
      role="status"
      title={feed.state === "paused" ? feed.reason : notice?.message}
    >
      <span className={styles.dot} aria-hidden="true" />
      <span>
        <span className={ui.srOnly}>Connection: </span>
        {paused ? "Feed paused: storage unavailable" : LABELS[status]}
        {notice?.code === "slow_consumer" && <span className={styles.notice}> · resumed after falling behind</span>}
      </span>
    </div>
  );
}
