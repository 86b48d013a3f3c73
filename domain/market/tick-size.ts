// KRX price ladder for stocks since January 2023: [upper bound (exclusive), tick].
const LADDER: ReadonlyArray<readonly [number, number]> = [
  [2_000, 1],
  [5_000, 5],
  [20_000, 10],
  [50_000, 50],
  [200_000, 100],
  [500_000, 500],
  [Number.POSITIVE_INFINITY, 1_000],
];

/** The tick size that applies to a stock trading at `price` won. */
export function tickSize(price: number): number {
  for (const [bound, tick] of LADDER) if (price < bound) return tick;
  return 1_000;
}

/** True when `price` is a whole-won price on the ladder. */
export function isOnLadder(price: number): boolean {
  return Number.isInteger(price) && price > 0 && price % tickSize(price) === 0;
}

/** The ladder price nearest to `price` (rounded down or up as `mode` says). */
export function roundToTick(price: number, mode: "nearest" | "down" | "up" = "nearest"): number {
  const tick = tickSize(price);
  const units = price / tick;
  const whole = mode === "down" ? Math.floor(units) : mode === "up" ? Math.ceil(units) : Math.round(units);
  const rounded = Math.max(tick, whole * tick);
  // Crossing a ladder boundary can leave the result off the ladder of its new band.
  return isOnLadder(rounded) ? rounded : roundToTick(rounded, mode === "up" ? "up" : "down");
}
