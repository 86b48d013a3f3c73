import type { ReplayClock, ReplayPosition, ReplayState } from "../../contract/events";
import type { NewsItem, Tick } from "../../contract/model";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { addTradingTime } from "../../domain/market/trading-time";
import type { TickStore } from "../store/store";
import { TickCursor } from "./tick-cursor";

const FRAME_MS = 50;
const CLOCK_EVERY_MS = 250;
const MAX_BATCH = 5_000;
const NEAR_NEWS_MS = 60_000;
const STEP_MS = { "1s": 1_000, "1m": 60_000, "5m": 300_000 } as const;

/** Where a replay's output goes: one viewer's socket. */
export interface ReplaySink {
  ticks(ticks: Tick[], epoch: number): void;
  /** A headline the clock passed at `t`; the clock at `t` went out just before it. */
  news(item: NewsItem, t: number, epoch: number): void;
  clock(clock: ReplayClock): void;
  /** Resolves when the connection can take more ("as fast as possible" waits on it). */
  drained(): Promise<void>;
}

export interface ReplayOptions {
  id: string;
  store: TickStore;
  calendar: KrxCalendar;
  symbols: readonly string[];
  from: number;
  to: number;
  speed: number | "max";
  slowNearNews: boolean;
  /** The headlines of the range, oldest first. */
  news: readonly NewsItem[];
  sink: ReplaySink;
}

/**
 * One viewer's replay of stored ticks on its own market clock. Every action runs through
 * one queue, so a seek can never interleave with a batch being read.
 */
export class ReplaySession {
  private t: number;
  private state: ReplayState = "paused";
  private speed: number | "max";
  private readonly cursor: TickCursor;
  private newsIndex = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastWall = 0;
  private lastClockWall = 0;
  private stopped = false;
  /** Off its connection: the clock stands still until a viewer takes it over again. */
  private detached = false;
  private sink: ReplaySink;
  /** Where the last jump put the clock, and how many jumps there were. */
  private anchor: number;
  private epoch = 0;

  constructor(private readonly o: ReplayOptions) {
    this.t = o.from;
    this.anchor = o.from;
    this.speed = o.speed;
    this.sink = o.sink;
    this.cursor = new TickCursor(o.store, o.symbols, o.to);
  }

  get id(): string {
    return this.o.id;
  }

  clock(): ReplayClock {
    const speed = this.speed === "max" ? 0 : this.speed;
    return {
      replayId: this.o.id,
      t: this.t,
      speed,
      state: this.state,
      from: this.o.from,
      to: this.o.to,
      epoch: this.epoch,
    };
  }

  /** Positions at `from`, paused; `play` starts it. */
  prepare(): Promise<ReplayClock> {
    return this.run(async () => {
      await this.moveTo(this.o.from);
    });
  }

  play = () => this.run(async () => this.setState(this.state === "ended" ? "ended" : "playing"));
  pause = () => this.run(async () => this.setState(this.state === "ended" ? "ended" : "paused"));

  setSpeed = (speed: number | "max") =>
    this.run(async () => {
      this.speed = speed;
    });

  /** Moves the clock to `t` (clamped to the range); headlines before it count as seen. */
  seek = (t: number) =>
    this.run(async () => {
      await this.moveTo(Math.min(this.o.to, Math.max(this.o.from, t)));
      if (this.state === "ended") this.setState("paused");
    });

  /** One tick, or one bar's worth of time, then paused. */
  step = (unit: "tick" | keyof typeof STEP_MS) =>
    this.run(async () => {
      if (this.state === "playing") this.setState("paused");
      if (unit === "tick") {
        const [tick] = await this.cursor.takeUntil(this.o.to, 1);
        if (tick) await this.advanceTo(tick.ts, [tick]);
        else this.setState("ended");
      } else {
        await this.advanceTo(Math.min(this.o.to, addTradingTime(this.o.calendar, this.t, STEP_MS[unit])));
      }
    });

  /** Jumps to the next headline's publish time and shows it. */
  nextNews = () =>
    this.run(async () => {
      const next = this.o.news.find((n) => Date.parse(n.publishedAt) > this.t);
      if (!next) return;
      const at = Date.parse(next.publishedAt);
      await this.moveTo(at - 1);
      await this.advanceTo(at);
    });

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The connection dropped: hold the clock (playing or not) until `attach` or `resume`. */
  detach(): void {
    this.detached = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Back on a connection that Socket.IO recovered: it redelivers every packet the viewer
   * missed, so the replay simply goes on where it stood.
   */
  attach = (sink: ReplaySink) =>
    this.run(async () => {
      this.sink = sink;
      this.reattached();
    });

  /**
   * Back on a new connection that knows only what the viewer holds: every symbol goes on
   * after the last seq the viewer received, headlines after its last one, so nothing comes
   * twice and nothing is missing. A viewer that missed a jump starts over at the jump.
   */
  resume = (sink: ReplaySink, position: ReplayPosition) =>
    this.run(async () => {
      this.sink = sink;
      const current = position.epoch === this.epoch;
      await this.cursor.resume(this.anchor, current ? position.after : {});
      const seen = current && position.lastNewsId ? this.o.news.findIndex((n) => n.id === position.lastNewsId) : -1;
      this.newsIndex = seen >= 0 ? seen + 1 : this.firstNewsAfter(this.anchor);
      this.t = current ? Math.min(this.o.to, Math.max(this.anchor, position.t)) : this.anchor;
      this.reattached();
    });

  private reattached(): void {
    this.detached = false;
    if (this.state === "playing") {
      this.state = "paused";
      this.setState("playing");
    }
  }

  private firstNewsAfter(t: number): number {
    const index = this.o.news.findIndex((n) => Date.parse(n.publishedAt) > t);
    return index < 0 ? this.o.news.length : index;
  }

  private run(action: () => Promise<void>): Promise<ReplayClock> {
    const next = this.queue.then(action).then(() => {
      this.sink.clock(this.clock());
      return this.clock();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private setState(state: ReplayState): void {
    this.state = state;
    if (state === "playing" && !this.timer && !this.stopped && !this.detached) {
      this.lastWall = performance.now();
      this.timer = setTimeout(() => this.frame(), 0);
    }
  }

  private async moveTo(t: number): Promise<void> {
    await this.cursor.seek(t);
    this.t = t;
    this.anchor = t;
    this.epoch++;
    this.newsIndex = this.firstNewsAfter(t);
  }

  // Moves the clock forward to `t`, sending the headlines it passes, then the ticks.
  private async advanceTo(t: number, taken?: Tick[]): Promise<void> {
    this.t = t;
    const passes = (i: number) => i < this.o.news.length && Date.parse(this.o.news[i]!.publishedAt) <= t;
    // The clock first: a viewer that trusts it never shows a headline before its time.
    if (passes(this.newsIndex)) this.sink.clock(this.clock());
    while (passes(this.newsIndex)) this.sink.news(this.o.news[this.newsIndex++]!, t, this.epoch);
    const ticks = taken ?? (await this.cursor.takeUntil(t, Number.MAX_SAFE_INTEGER));
    if (ticks.length > 0) this.sink.ticks(ticks, this.epoch);
    if (t >= this.o.to && (await this.cursor.peekTs()) === null) this.setState("ended");
  }

  private frame(): void {
    this.timer = null;
    if (this.stopped || this.detached || this.state !== "playing") return;
    void this.queue.then(async () => {
      if (this.stopped || this.detached || this.state !== "playing") return;
      if (this.speed === "max") await this.frameAsFastAsPossible();
      else await this.frameAtSpeed(this.speed);
      const now = performance.now();
      if (now - this.lastClockWall >= CLOCK_EVERY_MS || this.state !== "playing") {
        this.lastClockWall = now;
        this.sink.clock(this.clock());
      }
      if (this.state === "playing" && !this.stopped && !this.detached) {
        this.timer = setTimeout(() => this.frame(), this.speed === "max" ? 0 : FRAME_MS);
      }
    });
  }

  private async frameAtSpeed(speed: number): Promise<void> {
    const now = performance.now();
    const wall = now - this.lastWall;
    this.lastWall = now;
    const near =
      this.o.slowNearNews && this.o.news.some((n) => Math.abs(Date.parse(n.publishedAt) - this.t) <= NEAR_NEWS_MS);
    const market = wall * (near ? 1 : speed);
    await this.advanceTo(Math.min(this.o.to, addTradingTime(this.o.calendar, this.t, market)));
  }

  private async frameAsFastAsPossible(): Promise<void> {
    const batch = await this.cursor.takeUntil(this.o.to, MAX_BATCH);
    const t = batch.at(-1)?.ts ?? this.o.to;
    await this.advanceTo(t, batch);
    if (batch.length === 0) this.setState("ended");
    await this.sink.drained();
    this.lastWall = performance.now();
  }
}
