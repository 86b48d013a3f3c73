import { roundToTick } from "./tick-size";

export const DAILY_LIMIT = 0.3;

/** The day's price band for a stock: ±30% of the previous close, inside the ladder. */
export function priceBand(prevClose: number): { lower: number; upper: number } {
  return {
    lower: roundToTick(prevClose * (1 - DAILY_LIMIT), "up"),
    upper: roundToTick(prevClose * (1 + DAILY_LIMIT), "down"),
  };
}

/** `price` held inside the day's band. */
export function clampToBand(price: number, band: { lower: number; upper: number }): number {
  return Math.min(band.upper, Math.max(band.lower, price));
}
