"use client";

import type { ConnectionStatus } from "../lib/tick-stream";
import { useConnectionNotice, useConnectionStatus } from "../lib/use-live-market";

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
  return (
    <div
      className={`connection is-${status}`}
      data-testid="connection-status"
      data-state={status}
      data-notice={notice?.code}
      role="status"
      title={notice?.message}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>
        <span className="sr-only">Connection: </span>
        {LABELS[status]}
        {notice?.code === "slow_consumer" && <span className="connection-notice"> · resumed after falling behind</span>}
      </span>
    </div>
  );
}
