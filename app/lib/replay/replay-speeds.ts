/** A replay speed: market seconds per wall second, or "max" (as fast as the connection takes). */
export type ReplaySpeed = number | "max";

/** The speeds the toolbar offers, slowest first. */
export const REPLAY_SPEEDS: readonly ReplaySpeed[] = [1, 10, 60, 300, 1000, "max"];

/** "60x", "max". */
export function speedLabel(speed: ReplaySpeed): string {
  return speed === "max" ? "max" : `${speed}x`;
}

/** The next offered speed up (`+1`) or down (`-1`), staying at the ends. */
export function shiftSpeed(speed: ReplaySpeed, direction: 1 | -1): ReplaySpeed {
  const index = REPLAY_SPEEDS.indexOf(speed);
  // A speed from a link that the toolbar does not offer moves to its nearest neighbour.
  const at =
    index >= 0 ? index : REPLAY_SPEEDS.findIndex((s) => s === "max" || s > (speed as number)) - (direction > 0 ? 1 : 0);
  const next = Math.min(REPLAY_SPEEDS.length - 1, Math.max(0, at + direction));
  return REPLAY_SPEEDS[next] ?? speed;
}

/** A speed from a link or a form: 1–1000 or "max"; anything else is null. */
export function parseSpeed(value: string | null): ReplaySpeed | null {
  if (value === null) return null;
  if (value === "max") return "max";
  const n = Number(value.replace(/x$/i, ""));
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : null;
}
