"use client";

import type { ReactNode } from "react";
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

const STEPS = [
  { unit: "tick", label: "+1 tick", keys: "ArrowRight", title: "Step one tick (→)" },
  { unit: "1m", label: "+1 min", keys: "Shift+ArrowRight", title: "Step one minute (Shift+→)" },
] as const;

interface KeyButtonProps {
  onClick: () => void;
  testId: string;
  keys: string;
  title?: string;
  className?: string | undefined;
  children: ReactNode;
}

// A transport button; `keys` names the shortcut use-replay-shortcuts.ts binds to the same action.
function KeyButton({ onClick, testId, keys, title, className, children }: KeyButtonProps) {
  return (
    <button
      type="button"
      className={className === undefined ? ui.button : `${ui.button} ${className}`}
      onClick={onClick}
      data-testid={testId}
      aria-keyshortcuts={keys}
      title={title}
    >
      {children}
    </button>
  );
}

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
            <KeyButton className={styles.play} onClick={controls.toggle} testId="replay-toggle" keys="Space">
              {view.state === "playing" ? "❚❚ Pause" : view.state === "ended" ? "↺ Again" : "▶ Play"}
            </KeyButton>
            {STEPS.map(({ unit, label, keys, title }) => (
              <KeyButton
                key={unit}
                onClick={() => controls.step(unit)}
                testId={`replay-step-${unit}`}
                keys={keys}
                title={title}
              >
                {label}
              </KeyButton>
            ))}
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
          <KeyButton
            onClick={controls.nextNews}
            testId="replay-next-news"
            keys="N"
            title="Jump to the next headline (N)"
          >
            Next headline »
          </KeyButton>
          <KeyButton
            className={ui.primary}
            onClick={controls.stop}
            testId="replay-live"
            keys="L"
            title="Leave the replay (L)"
          >
            Back to live
          </KeyButton>
        </>
      )}
      <ReplayKeys />
    </section>
  );
}
