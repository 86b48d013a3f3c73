"use client";

import { REPLAY_SHORTCUTS } from "../hooks/use-replay-shortcuts";
import styles from "./replay-bar.module.css";
import ui from "./ui.module.css";

/** A small popover listing the replay's keyboard shortcuts. */
export function ReplayKeys() {
  return (
    <>
      <button
        type="button"
        className={`${ui.button} ${styles.keysButton}`}
        popoverTarget="replay-keys"
        title="Keyboard shortcuts"
        data-testid="replay-keys"
      >
        Keys
      </button>
      <div id="replay-keys" popover="auto" className={styles.keys} role="dialog" aria-label="Replay keyboard shortcuts">
        <dl>
          {REPLAY_SHORTCUTS.map((s) => (
            <div key={s.keys} className={styles.key}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <p className={ui.muted}>Not while typing in a field.</p>
      </div>
    </>
  );
}
