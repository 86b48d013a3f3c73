import { DAILY_MIN_RETURNS } from "../reaction/daily-study";

/** A window of event time over which abnormal returns are summed (both ends included). */
export interface StudyWindow {
  label: string;
  from: number;
  to: number;
}

/** Event time and windows of one kind of study: minutes after t0, or trading days around day 0. */
export interface StudyDesign {
  resolution: "intraday" | "daily";
  /** Event times that have an abnormal return, in order; the path starts one step before the first. */
  steps: readonly number[];
  windows: readonly StudyWindow[];
  /** Fewer estimation returns than this and an event is left out. */
  minEstimation: number;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Minutes 1…60 after the headline (the reaction's event window). */
export const INTRADAY_DESIGN: StudyDesign = {
  resolution: "intraday",
  steps: range(1, 60),
  windows: [1, 5, 15, 30, 60].map((m) => ({ label: `${m}m`, from: 1, to: m })),
  minEstimation: 30,
};

/** Trading days −1…20 around event day 0 (MacKinlay's daily windows), the daily reaction's 60-return minimum. */
export const DAILY_DESIGN: StudyDesign = {
  resolution: "daily",
  steps: range(-1, 20),
  windows: [
    { label: "0", from: 0, to: 0 },
    { label: "-1..1", from: -1, to: 1 },
    { label: "0..1", from: 0, to: 1 },
    { label: "0..5", from: 0, to: 5 },
    { label: "0..20", from: 0, to: 20 },
  ],
  minEstimation: DAILY_MIN_RETURNS,
};
