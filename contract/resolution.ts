// How fine a stored price is, and where it came from: the facts the labels and the
// reaction maths go by. Shared by server and browser.

/** "tick" for trades (simulated, taped or imported as ticks); else the bar interval the row was drawn from. */
export type DataResolution = "tick" | `${number}${"s" | "m" | "h" | "d"}`;

/** Where ticks came from: the simulator, an imported file, or a recorded tape played as the live feed. */
export type DataSourceKind = "simulated" | "import" | "tape";

/** One run of stored ticks and its origin (CONTRACT extension: GET /api/sources). */
export interface DataSource {
  symbol: string;
  kind: DataSourceKind;
  /** The imported or taped file's base name; null for the simulator. */
  file: string | null;
  resolution: DataResolution;
  /** ISO 8601 of its first and last tick. */
  from: string;
  to: string;
  rows: number;
}

const RESOLUTION = /^(\d+)([smhd])$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Whether `text` names a resolution: `tick`, or a count and a unit (`1m`, `5m`, `1h`, `1d`). */
export function isResolution(text: string): text is DataResolution {
  const match = RESOLUTION.exec(text);
  return text === "tick" || (match !== null && Number(match[1]) > 0);
}

/** The span one row stands for in ms; 0 for a tick. A day counts as 24 h (a daily bar is one session). */
export function resolutionMs(resolution: DataResolution): number {
  if (resolution === "tick") return 0;
  const match = RESOLUTION.exec(resolution);
  if (!match) throw new Error(`not a resolution: ${resolution}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Whether rows at `resolution` can answer intraday (minute) windows: ticks and bars under a day. */
export function isIntraday(resolution: DataResolution): boolean {
  return resolutionMs(resolution) < UNIT_MS.d;
}

/** The finest of some resolutions (ticks first), or null for none. */
export function finestResolution(resolutions: readonly DataResolution[]): DataResolution | null {
  let best: DataResolution | null = null;
  for (const r of resolutions) if (best === null || resolutionMs(r) < resolutionMs(best)) best = r;
  return best;
}
