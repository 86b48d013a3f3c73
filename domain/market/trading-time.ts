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
