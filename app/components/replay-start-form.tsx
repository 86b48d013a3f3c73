"use client";

import { type FormEvent, useEffect, useState } from "react";
import { MAX_REPLAY_RANGE_MS } from "../../contract/limits";
import { KST_FIELD_PATTERN, fromKstInput, toKstField } from "../lib/format/kst-input";
import type { ReplayRange } from "../lib/replay/replay-range";
import { REPLAY_SPEEDS, type ReplaySpeed, parseSpeed, speedLabel } from "../lib/replay/replay-speeds";
import styles from "./replay-bar.module.css";
import ui from "./ui.module.css";

interface ReplayStartFormProps {
  /** What the inputs show until edited: the selected headline's window or the last session. */
  suggested: ReplayRange;
  error: string | null;
  onStart: (range: ReplayRange, speed: ReplaySpeed) => void;
}

// A text field, not datetime-local: that one shows the browser locale's clock (12:37:00 PM),
// and KRX traders read 24-hour KST.
function KstField({
  value,
  onChange,
  testId,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  testId: string;
  label: string;
}) {
  return (
    <input
      type="text"
      className={styles.time}
      inputMode="numeric"
      size={19}
      spellCheck={false}
      autoComplete="off"
      pattern={KST_FIELD_PATTERN}
      placeholder="2025-10-22 13:05:00"
      title="KST date and 24-hour time: 2025-10-22 13:05:00"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
      required
    />
  );
}

/** Picks a range (KST) and a speed, and starts a replay. */
export function ReplayStartForm({ suggested, error, onStart }: ReplayStartFormProps) {
  const [from, setFrom] = useState(toKstField(suggested.from));
  const [to, setTo] = useState(toKstField(suggested.to));
  const [speed, setSpeed] = useState<ReplaySpeed>(60);
  const [problem, setProblem] = useState<string | null>(null);

  // A newly selected headline suggests its own window.
  useEffect(() => {
    setFrom(toKstField(suggested.from));
    setTo(toKstField(suggested.to));
  }, [suggested.from, suggested.to]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = fromKstInput(from);
    const end = fromKstInput(to);
    if (start === null || end === null)
      return setProblem("Enter both times as KST date and 24-hour time, like 2025-10-22 13:05:00.");
    if (start >= end) return setProblem("The start must be before the end.");
    if (end - start > MAX_REPLAY_RANGE_MS) return setProblem("A replay covers at most 8 days.");
    setProblem(null);
    onStart({ from: start, to: end }, speed);
  };

  const message = problem ?? error;
  return (
    <form className={styles.group} onSubmit={submit} aria-label="Start a replay">
      <label className={styles.field}>
        <span>From</span>
        <KstField value={from} onChange={setFrom} testId="replay-from" label="Replay from, KST" />
      </label>
      <label className={styles.field}>
        <span>to</span>
        <KstField value={to} onChange={setTo} testId="replay-to" label="Replay to, KST" />
        <span className={styles.zone}>KST</span>
      </label>
      <label className={styles.field}>
        <span>at</span>
        <select
          value={String(speed)}
          onChange={(e) => setSpeed(parseSpeed(e.target.value) ?? 60)}
          data-testid="replay-speed-select"
        >
          {REPLAY_SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={`${ui.button} ${ui.primary}`} data-testid="replay-start">
        ▶ Replay
      </button>
      {message && (
        <p className={styles.error} role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
