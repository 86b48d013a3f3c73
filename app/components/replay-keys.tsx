"use client";

import { REPLAY_SHORTCUTS } from "../hooks/use-replay-shortcuts";

/** A small popover listing the replay's keyboard shortcuts. */
export function ReplayKeys() {
  return (
    <>
      <button type="button" className="button replay-keys-button" popoverTarget="replay-keys" title="Keyboard shortcuts" data-testid="replay-keys">
        Keys
      </button>
      <div id="replay-keys" popover="auto" className="replay-keys" role="dialog" aria-label="Replay keyboard shortcuts">
        <dl>
          {REPLAY_SHORTCUTS.map((s) => (
            <div key={s.keys} className="replay-key">
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">Not while typing in a field.</p>
      </div>
    </>
  );
}
