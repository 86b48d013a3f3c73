"use client";

import type { ReplayRange } from "../lib/replay/replay-range";
import { REPLAY_SPEEDS, speedLabel } from "../lib/replay/replay-speeds";
import type { ReplayView } from "../lib/replay/replay-state";
import type { ReplayControls } from "../hooks/use-replay";
import { ReplayKeys } from "./replay-keys";
import { ReplaySeek } from "./replay-seek";
import { ReplayStartForm } from "./replay-start-form";
import styles from "./replay-bar.module.css";
import ui from "./ui.module.css";

const STATE_WORDS = { playing: "Playing", paused: "Paused", ended: "Ended" } as const;

interface ReplayBarProps {
  view: ReplayView;
  controls: ReplayControls;
  suggested: ReplayRange;
}

/** The replay toolbar: a range to start from when live; transport, speed and seek while replaying. */
export function ReplayBar({ view, controls, suggested }: ReplayBarProps) {
  return (
    <section
      className={`${styles.bar}${view.phase === "on" ? ` ${styles.on}` : ""}`}
      aria-label="Replay"
      data-testid="replay-bar"
      data-phase={view.phase}
      data-state={view.phase === "on" ? view.state : ""}
    >
      <h2 className={ui.heading}>Replay</h2>
      {view.phase === "off" && <ReplayStartForm suggested={suggested} error={view.error} onStart={controls.start} />}
      {view.phase === "starting" && (
        <p className={ui.muted} role="status">
          Starting the replay…
        </p>
      )}
      {view.phase === "on" && (
        <>
          <div className={styles.group} role="group" aria-label="Transport">
            <button
              type="button"
              className={`${ui.button} ${styles.play}`}
              onClick={controls.toggle}
              data-testid="replay-toggle"
              aria-keyshortcuts="Space"
            >
              {view.state === "playing" ? "❚❚ Pause" : view.state === "ended" ? "↺ Again" : "▶ Play"}
            </button>
            <button
              type="button"
              className={ui.button}
              onClick={() => controls.step("tick")}
              data-testid="replay-step-tick"
              aria-keyshortcuts="ArrowRight"
              title="Step one tick (→)"
            >
              +1 tick
            </button>
            <button
              type="button"
              className={ui.button}
              onClick={() => controls.step("1m")}
              data-testid="replay-step-1m"
              aria-keyshortcuts="Shift+ArrowRight"
              title="Step one minute (Shift+→)"
            >
              +1 min
            </button>
          </div>
          <div role="group" aria-label="Speed">
            {REPLAY_SPEEDS.map((speed) => (
              <button
                key={String(speed)}
                type="button"
                className={ui.segment}
                aria-pressed={speed === view.speed}
                onClick={() => controls.setSpeed(speed)}
                data-testid={`replay-speed-${speed}`}
              >
                {speedLabel(speed)}
              </button>
            ))}
          </div>
          <span className={`${styles.state} ${styles[view.state] ?? ""}`} data-testid="replay-state" role="status">
            {STATE_WORDS[view.state]}
          </span>
          <ReplaySeek range={view.range} t={view.t} onSeek={controls.seek} />
          <button
            type="button"
            className={ui.button}
            onClick={controls.nextNews}
            data-testid="replay-next-news"
            aria-keyshortcuts="N"
            title="Jump to the next headline (N)"
          >
            Next headline »
          </button>
          <button
            type="button"
            className={`${ui.button} ${ui.primary}`}
            onClick={controls.stop}
            data-testid="replay-live"
            aria-keyshortcuts="L"
            title="Leave the replay (L)"
          >
            Back to live
          </button>
        </>
      )}
      <ReplayKeys />
    </section>
  );
}
