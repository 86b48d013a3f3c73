import type { KrxCalendar } from "./krx-calendar";

/** The instant `ms` of trading time after `ts`, skipping closed hours (a market clock). */
export function addTradingTime(calendar: KrxCalendar, ts: number, ms: number): number {
  let t = ts;
  let left = ms;
  for (;;) {
    const session = calendar.nextSession(t);
    if (t < session.open) t = session.open;
    const step = Math.min(left, session.close - t);
    t += step;
    left -= step;
    if (left <= 0) return t;
  }
}

/**
 * `addTradingTime(calendar, ts, k × step)` for k = 1…count, in one walk across sessions
 * (one calendar look-up per session crossed instead of one per instant).
 */
export function tradingInstants(calendar: KrxCalendar, ts: number, step: number, count: number): number[] {
  const out: number[] = [];
  let session = calendar.nextSession(ts);
  let t = Math.max(ts, session.open);
  for (let k = 0; k < count; k++) {
    let left = step;
    for (;;) {
      const move = Math.min(left, session.close - t);
      t += move;
      left -= move;
      if (left <= 0) break;
      session = calendar.nextSession(t);
      t = session.open;
    }
    out.push(t);
  }
  return out;
}
