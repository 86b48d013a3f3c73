import { KRX_HOLIDAYS } from "./krx-holidays";
import { type DayKey, dayKeyOf, kstTime, nextDay, previousDay, weekdayOf } from "./kst";

/** One regular session of the Korea Exchange, as epoch ms. */
export interface Session {
  day: DayKey;
  open: number;
  close: number;
}

/** Tells which days trade; the holiday list is injectable so tests can pin it. */
export class KrxCalendar {
  constructor(private readonly holidays: ReadonlySet<DayKey> = KRX_HOLIDAYS) {}

  /** True on weekdays that are not KRX holidays. */
  isTradingDay(day: DayKey): boolean {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }

  // Sessions are asked for constantly (every market-clock step, every reaction window).
  private readonly sessions = new Map<DayKey, Session | null>();

  /** The regular session of a trading day: 09:00–15:30, from 10:00 on the year's first. */
  sessionOf(day: DayKey): Session | null {
    let session = this.sessions.get(day);
    if (session === undefined) {
      session = this.computeSession(day);
      this.sessions.set(day, session);
    }
    return session;
  }

  private computeSession(day: DayKey): Session | null {
    if (!this.isTradingDay(day)) return null;
    const openHour = this.isFirstTradingDayOfYear(day) ? 10 : 9;
    return { day, open: kstTime(day, openHour), close: kstTime(day, 15, 30) };
  }

  /** The session in force at `ts`, if the market is open then (close excluded). */
  sessionAt(ts: number): Session | null {
    const session = this.sessionOf(dayKeyOf(ts));
    return session && ts >= session.open && ts < session.close ? session : null;
  }

  /** The first session whose close is after `ts` (the current one when open). */
  nextSession(ts: number): Session {
    let day = dayKeyOf(ts);
    for (let i = 0; i < 366; i++, day = nextDay(day)) {
      const session = this.sessionOf(day);
      if (session && session.close > ts) return session;
    }
    throw new Error(`no KRX session within a year after ${new Date(ts).toISOString()}`);
  }

  /** The last session that closed at or before `ts`. */
  previousSession(ts: number): Session {
    let day = dayKeyOf(ts);
    for (let i = 0; i < 366; i++, day = previousDay(day)) {
      const session = this.sessionOf(day);
      if (session && session.close <= ts) return session;
    }
    throw new Error(`no KRX session within a year before ${new Date(ts).toISOString()}`);
  }

  /** The first tradable instant at or after `ts`: news outside the session maps here. */
  firstTradableAt(ts: number): number {
    const session = this.nextSession(ts);
    return Math.max(ts, session.open);
  }

  /** `count` consecutive trading days ending with `lastDay` (included when it trades). */
  tradingDaysEndingAt(lastDay: DayKey, count: number): DayKey[] {
    const days: DayKey[] = [];
    for (let day = lastDay; days.length < count; day = previousDay(day)) {
      if (this.isTradingDay(day)) days.unshift(day);
    }
    return days;
  }

  private isFirstTradingDayOfYear(day: DayKey): boolean {
    for (let d = `${day.slice(0, 4)}-01-01`; d < day; d = nextDay(d)) {
      if (this.isTradingDay(d)) return false;
    }
    return true;
  }
}
