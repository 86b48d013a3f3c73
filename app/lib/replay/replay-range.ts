import type { KrxCalendar } from "../../../domain/market/krx-calendar";

/** A replay's range in epoch ms. */
export interface ReplayRange {
  from: number;
  to: number;
}

const BEFORE_MS = 30 * 60_000;
const AFTER_MS = 90 * 60_000;

/** A headline's replay: from 30 minutes before its reaction start to 90 minutes after. */
export function reactionReplayRange(t0: number): ReplayRange {
  return { from: t0 - BEFORE_MS, to: t0 + AFTER_MS };
}

/** The last session that has closed by `now`: what there is to replay without a headline. */
export function lastSessionRange(calendar: KrxCalendar, now: number): ReplayRange {
  const session = calendar.previousSession(now);
  return { from: session.open, to: session.close };
}
