"use client";

import { type FormEvent, useEffect, useState } from "react";
import { MAX_REPLAY_RANGE_MS } from "../../contract/limits";
import { fromKstInput, toKstInput } from "../lib/format/kst-input";
import type { ReplayRange } from "../lib/replay/replay-range";
import { REPLAY_SPEEDS, type ReplaySpeed, parseSpeed, speedLabel } from "../lib/replay/replay-speeds";

interface ReplayStartFormProps {
  /** What the inputs show until edited: the selected headline's window or the last session. */
  suggested: ReplayRange;
  error: string | null;
  onStart: (range: ReplayRange, speed: ReplaySpeed) => void;
}

/** Picks a range (KST) and a speed, and starts a replay. */
export function ReplayStartForm({ suggested, error, onStart }: ReplayStartFormProps) {
  const [from, setFrom] = useState(toKstInput(suggested.from));
  const [to, setTo] = useState(toKstInput(suggested.to));
  const [speed, setSpeed] = useState<ReplaySpeed>(60);
  const [problem, setProblem] = useState<string | null>(null);

  // A newly selected headline suggests its own window.
  useEffect(() => {
    setFrom(toKstInput(suggested.from));
    setTo(toKstInput(suggested.to));
  }, [suggested.from, suggested.to]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = fromKstInput(from);
    const end = fromKstInput(to);
    if (start === null || end === null) return setProblem("Enter both times as date and time (KST).");
    if (start >= end) return setProblem("The start must be before the end.");
    if (end - start > MAX_REPLAY_RANGE_MS) return setProblem("A replay covers at most 8 days.");
    setProblem(null);
    onStart({ from: start, to: end }, speed);
  };

  const message = problem ?? error;
  return (
    <form className="replay-form" onSubmit={submit} aria-label="Start a replay">
      <label className="replay-field">
        <span>From</span>
        <input type="datetime-local" step={1} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="replay-from" required />
      </label>
      <label className="replay-field">
        <span>to</span>
        <input type="datetime-local" step={1} value={to} onChange={(e) => setTo(e.target.value)} data-testid="replay-to" required />
        <span className="replay-zone">KST</span>
      </label>
      <label className="replay-field">
        <span>at</span>
        <select value={String(speed)} onChange={(e) => setSpeed(parseSpeed(e.target.value) ?? 60)} data-testid="replay-speed-select">
          {REPLAY_SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" data-testid="replay-start">
        ▶ Replay
      </button>
      {message && (
        <p className="replay-error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
