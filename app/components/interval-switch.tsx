"use client";

import { INTERVALS, type Interval } from "../../contract/model";
import ui from "./ui.module.css";

const LABELS: Record<Interval, string> = {
  "1s": "1 second",
  "1m": "1 minute",
  "5m": "5 minutes",
  "1h": "1 hour",
  "1d": "1 day",
};

/** The bar interval of all charts, as a group of toggle buttons. */
export function IntervalSwitch({ value, onChange }: { value: Interval; onChange: (interval: Interval) => void }) {
  return (
    <div className={ui.segmented} role="group" aria-label="Bar interval">
      {INTERVALS.map((interval) => (
        <button
          key={interval}
          type="button"
          className={ui.segment}
          data-testid={`interval-${interval}`}
          aria-pressed={interval === value}
          title={`${LABELS[interval]} bars`}
          onClick={() => onChange(interval)}
        >
          {interval}
        </button>
      ))}
    </div>
  );
}
