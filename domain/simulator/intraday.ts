/**
 * Intraday activity against the fraction of the session gone (0 at the open, 1 at the
 * close): the U shape of KRX volume, busiest after the open and into the close.
 */
export function activityAt(fraction: number): number {
  const x = Math.min(1, Math.max(0, fraction));
  return 0.45 + 1.1 * Math.exp(-x / 0.07) + 0.9 * Math.exp(-(1 - x) / 0.05);
}

// How a shock plays out after its moment (seconds since): most of the move at once, the
// rest as a decaying drift, with volatility and volume raised for a while.
export const SHOCK_JUMP_SHARE = 0.6;
const DRIFT_TAU_S = 600;
const VOL_TAU_S = 1_200;
const VOLUME_TAU_S = 900;

/** Share of the shock's log move that drifts in during second `dt` after it. */
export function shockDriftShare(dt: number): number {
  if (dt < 1) return 0;
  return (1 - SHOCK_JUMP_SHARE) * (Math.exp(-(dt - 1) / DRIFT_TAU_S) - Math.exp(-dt / DRIFT_TAU_S));
}

/** Volatility multiplier `dt` seconds after a shock of log size `size`. */
export function shockVolatility(dt: number, size: number): number {
  return 1 + Math.min(3, 60 * Math.abs(size)) * Math.exp(-dt / VOL_TAU_S);
}

/** Volume multiplier `dt` seconds after a shock of log size `size`. */
export function shockVolume(dt: number, size: number): number {
  return 1 + Math.min(6, 150 * Math.abs(size)) * Math.exp(-dt / VOLUME_TAU_S);
}
