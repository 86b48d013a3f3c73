import type { Logger } from "pino";
import type { MarketClock } from "../../contract/model";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import type { MarketSimulator } from "../../domain/simulator/market-simulator";
import type { Feed } from "./feed";
import type { Sequencer } from "./sequencer";
import type { TickBus } from "./tick-bus";

const STEP_MS = 100;
// At high speeds one wall step may cover hours of market time; cap the work per step so
// the event loop stays responsive, and let the clock fall behind instead.
const MAX_SECONDS_PER_STEP = 2_000;

export interface SimulatedFeedOptions {
  name: string;
  simulator: MarketSimulator;
  sequencer: Sequencer;
  bus: TickBus;
  calendar: KrxCalendar;
  /** The market time the feed starts at. */
  cursor: number;
  /** Market seconds per wall second. */
  speed: number;
  /** Stop when the market clock reaches this time (scenarios); open-ended when absent. */
  end?: number;
  log: Logger;
  /** Called after each advance with the new market time (e.g. to release headlines). */
  onAdvance?: (t: number) => void;
  onEnd?: () => void;
}

/**
 * Drives a simulator from the wall clock: every 100 ms it advances the market clock by
 * `speed` × the wall time passed, skipping nights, weekends and holidays.
 */
export class SimulatedFeed implements Feed {
  readonly name: string;
  private cursor: number;
  private timer: NodeJS.Timeout | null = null;
  private lastWall = 0;
  private carry = 0;

  constructor(private readonly options: SimulatedFeedOptions) {
    this.name = options.name;
    this.cursor = options.cursor;
  }

  start(): void {
    if (this.timer) return;
    this.lastWall = performance.now();
    this.timer = setInterval(() => this.advance(), STEP_MS);
    this.options.log.info({ feed: this.name, from: new Date(this.cursor).toISOString() }, "feed started");
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.options.bus.flush();
  }

  clock(): MarketClock {
    const open = this.options.calendar.sessionAt(this.cursor) !== null;
    return { t: this.cursor, session: open ? "open" : "closed", feed: this.name, speed: this.options.speed };
  }

  private advance(): void {
    const now = performance.now();
    // The store refuses writes: the market clock stands still instead of piling up ticks.
    if (this.options.bus.paused) {
      this.lastWall = now;
      return;
    }
    this.carry += ((now - this.lastWall) / 1000) * this.options.speed;
    this.lastWall = now;
    const seconds = Math.min(Math.floor(this.carry), MAX_SECONDS_PER_STEP);
    if (seconds < 1) return;
    this.carry = Math.min(this.carry - seconds, MAX_SECONDS_PER_STEP);
    let to = this.marketTimeAfter(seconds);
    if (this.options.end !== undefined) to = Math.min(to, this.options.end);
    const { simulator, sequencer, bus } = this.options;
    for (const batch of simulator.run(this.cursor, to)) bus.publish(batch.map((t) => sequencer.number(t)));
    this.cursor = to;
    this.options.onAdvance?.(to);
    if (this.options.end !== undefined && this.cursor >= this.options.end) {
      void this.stop().then(() => this.options.onEnd?.());
    }
  }

  // `seconds` of trading time after the cursor, jumping over closed hours.
  private marketTimeAfter(seconds: number): number {
    let t = this.cursor;
    let left = seconds * 1000;
    while (left > 0) {
      const session = this.options.calendar.nextSession(t);
      if (t < session.open) t = session.open;
      const step = Math.min(left, session.close - t);
      t += step;
      left -= step;
    }
    return t;
  }
}
