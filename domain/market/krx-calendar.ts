import { KRX_HOLIDAYS, KRX_LATE_OPEN_DAYS } from "./krx-holidays";
import { type DayKey, dayKeyOf, kstTime, nextDay, previousDay, weekdayOf } from "./kst";

/** One regular session of the Korea Exchange, as epoch ms. */
export interface Session {
  day: DayKey;
  open: number;
  close: number;
}

/** The regular close moved from 15:00 to 15:30 on this day. */
const LONGER_SESSION_FROM: DayKey = "2016-08-01";

/** Tells which days trade; the holiday list is injectable so tests can pin it. */
export class KrxCalendar {
  constructor(
    private readonly holidays: ReadonlySet<DayKey> = KRX_HOLIDAYS,
    private readonly lateOpens: ReadonlySet<DayKey> = KRX_LATE_OPEN_DAYS,
  ) {}

  // Days that traded by the evidence of stored history, whatever the lists say.
  private readonly traded = new Set<DayKey>();

  /** True on weekdays that are not KRX holidays, and on any day history shows trading. */
  isTradingDay(day: DayKey): boolean {
    if (this.traded.has(day)) return true;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }

  /**
   * Marks days present in imported history as trading days (the data outranks the
   * holiday lists, which can be wrong for a year or miss a one-off change).
   */
  addTradingDays(days: Iterable<DayKey>): void {
    let changed = false;
    for (const day of days) {
      if (this.isTradingDay(day)) continue;
      this.traded.add(day);
      changed = true;
    }
    if (changed) this.sessions.clear();
  }

  // Sessions are asked for constantly (every market-clock step, every reaction window).
  private readonly sessions = new Map<DayKey, Session | null>();

  /**
   * The regular session of a trading day: 09:00–15:30 (15:00 before 1 Aug 2016), from
   * 10:00 on the year's first; 10:00–16:30 on the college-entrance-exam day.
   */
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
    const regularClose = day < LONGER_SESSION_FROM ? kstTime(day, 15) : kstTime(day, 15, 30);
    if (this.lateOpens.has(day)) return { day, open: kstTime(day, 10), close: regularClose + 3_600_000 };
    const openHour = this.isFirstTradingDayOfYear(day) ? 10 : 9;
    return { day, open: kstTime(day, openHour), close: regularClose };
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

  /** The trading day `count` trading days after `day` (before it when negative). */
  shiftTradingDays(day: DayKey, count: number): DayKey {
    let d = day;
    const step = count >= 0 ? nextDay : previousDay;
    for (let left = Math.abs(count), guard = 0; left > 0; guard++) {
      if (guard > 800 + 2 * Math.abs(count)) throw new Error(`no KRX trading day ${count} days from ${day}`);
      d = step(d);
      // sessionOf is isTradingDay, cached: daily studies shift over hundreds of days per event.
      if (this.sessionOf(d) !== null) left--;
    }
    return d;
  }

  private isFirstTradingDayOfYear(day: DayKey): boolean {
    for (let d = `${day.slice(0, 4)}-01-01`; d < day; d = nextDay(d)) {
      if (this.isTradingDay(d)) return false;
    }
    return true;
  }
}
