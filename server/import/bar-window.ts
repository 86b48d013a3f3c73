import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { RowError } from "./import-errors";
import { showCell } from "./parse-cell";
import type { BarTime } from "./parse-yahoo-row";

const MINUTE_MS = 60_000;

/** The market time a bar covers, as [start, end) epoch ms. */
export interface BarWindow {
  start: number;
  end: number;
  /** The opening time of the session it lies in (tells bars of one day apart). */
  session: number;
}

/** A daily bar spans its day's KRX session; an intraday bar its minute, which must lie in one. */
export function barWindow(time: BarTime, calendar: KrxCalendar): BarWindow {
  if (time.kind === "day") {
    const session = calendar.sessionOf(time.day);
    if (!session) throw new RowError(`${time.day} is not a KRX trading day (weekend or holiday)`);
    return { start: session.open, end: session.close, session: session.open };
  }
  const session = calendar.sessionAt(time.at);
  if (!session || time.at + MINUTE_MS > session.close) {
    throw new RowError(`Date ${showCell(time.text)} is outside the KRX session (09:00–15:30 Seoul on trading days)`);
  }
  return { start: time.at, end: time.at + MINUTE_MS, session: session.open };
}
