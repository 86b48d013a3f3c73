import type { Interval } from "../../contract/model";
import { DAY_MS, KST_OFFSET_MS } from "../market/kst";

export const INTERVAL_MS: Record<Interval, number> = {
  "1s": 1_000,
  "1m": 60_000,
  "5m": 300_000,
  "1h": 3_600_000,
  "1d": DAY_MS,
};

/** Start of the bucket holding `ts`, in epoch ms; days start at midnight Asia/Seoul. */
export function bucketStartMs(ts: number, interval: Interval): number {
  const size = INTERVAL_MS[interval];
  // Seoul's offset is a whole number of hours, so only days need shifting.
  const shift = interval === "1d" ? KST_OFFSET_MS : 0;
  return Math.floor((ts + shift) / size) * size - shift;
}
