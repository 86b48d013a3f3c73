import type { ReturnWindow } from "../../../contract/model";
import { formatPrice, formatSignedPrice } from "./format-number";

// Figures the reaction views print that the dashboard's formatters do not cover.

/** A duration as mm:ss ("07:32"); minutes keep counting past 59 ("61:05"). */
export function formatMinutesSeconds(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/** A t-statistic, signed, 2 decimals: "+4.12". */
export function formatTStat(value: number): string {
  return formatSignedPrice(value, 2);
}

/** Volume against its usual level: "×3.42". */
export function formatMultiple(value: number): string {
  return `\u00D7${formatPrice(value, 2)}`;
}

/**
 * A per-minute return in basis points: "+0.12 bp". The market model's alpha is a
 * per-minute intercept, far below what a 2-decimal percentage can show.
 */
export function formatBasisPoints(fraction: number): string {
  return `${formatSignedPrice(fraction * 10_000, 2)} bp`;
}

/** Minutes since the headline as an axis label: "+5m", "−30m", "0". */
export function formatOffsetMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes === 0) return "0";
  return `${minutes > 0 ? "+" : "\u2212"}${Math.abs(minutes)}m`;
}

/** Seconds since the headline, precise to the second, for the crosshair: "+12m 15s". */
export function formatOffsetPrecise(seconds: number): string {
  const sign = seconds < 0 ? "\u2212" : "+";
  const abs = Math.abs(Math.round(seconds));
  const m = Math.floor(abs / 60);
  const s = abs % 60;
  if (abs === 0) return "0 (headline)";
  return s === 0 ? `${sign}${m}m` : `${sign}${m}m ${String(s).padStart(2, "0")}s`;
}

/** "significant" when |t| reaches the two-sided 5% critical value of a normal. */
export const SIGNIFICANT_T = 1.96;

/** True when a t-statistic is significant at 5% (two-sided). */
export function isSignificant(tStat: number): boolean {
  return Math.abs(tStat) >= SIGNIFICANT_T;
}

/** How the reaction views name each return window. */
export const RETURN_WINDOW_LABELS: Record<ReturnWindow, string> = {
  "1m": "+1m",
  "5m": "+5m",
  "15m": "+15m",
  "30m": "+30m",
  "60m": "+60m",
  close: "Close",
  nextClose: "Next close",
};
