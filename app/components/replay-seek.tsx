"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { formatKstStamp, formatKstTime } from "../lib/format/format-kst";
import { fromKstInput, toKstInput } from "../lib/format/kst-input";

// A typed time is "13:07", "13:07:30" (on the day the clock is on) or a full KST date-time.
function parseTyped(text: string, clock: number): number | null {
  const value = text.trim().replace(" ", "T");
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(value)) {
    const [h = "", m = "", sec = "00"] = value.split(":");
    return fromKstInput(`${toKstInput(clock).slice(0, 10)}T${h.padStart(2, "0")}:${m}:${sec}`);
  }
  return fromKstInput(value);
}
import type { ReplayRange } from "../lib/replay/replay-range";
import styles from "./replay-bar.module.css";
import ui from "./ui.module.css";

// Dragging the slider seeks once it rests, not on every pixel: each seek reloads history.
const SETTLE_MS = 200;

/** The replay clock over its range: a slider to drag and a field to type a KST time into. */
export function ReplaySeek({ range, t, onSeek }: { range: ReplayRange; t: number; onSeek: (t: number) => void }) {
  const [dragged, setDragged] = useState<number | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const drag = (value: number) => {
    setDragged(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      onSeek(value);
      setDragged(null);
    }, SETTLE_MS);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = typed === null ? null : parseTyped(typed, t);
    if (value === null) return;
    onSeek(Math.min(range.to, Math.max(range.from, value)));
    setTyped(null);
  };

  const shown = dragged ?? t;
  return (
    <div className={`${styles.group} ${styles.seek}`}>
      <span className={styles.bound} aria-hidden="true">
        {formatKstTime(range.from).slice(0, 5)}
      </span>
      <input
        type="range"
        className={styles.slider}
        min={range.from}
        max={range.to}
        step={1_000}
        value={shown}
        onChange={(e) => drag(Number(e.target.value))}
        aria-label="Replay position"
        aria-valuetext={`${formatKstStamp(shown)}:${formatKstTime(shown).slice(6)} KST`}
        data-testid="replay-slider"
      />
      <span className={styles.bound} aria-hidden="true">
        {formatKstTime(range.to).slice(0, 5)}
      </span>
      <form className={`${styles.group} ${styles.goto}`} onSubmit={submit}>
        <input
          type="text"
          inputMode="numeric"
          size={8}
          className={styles.gotoInput}
          aria-label="Go to time, KST (13:07:00, or 2025-10-22 13:07)"
          title="Type a KST time (13:07:00) or date and time (2025-10-22 13:07), then Enter"
          value={typed ?? formatKstTime(shown)}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={() => setTyped(null)}
          data-testid="replay-goto"
        />
        <button type="submit" className={ui.button} onMouseDown={(e) => e.preventDefault()}>
          Go
        </button>
      </form>
    </div>
  );
}
