import type { Logger } from "pino";
import type { Tick } from "../../contract/model";
import type { FeedStatus } from "../../contract/events";
import type { TickStore } from "../store/store";
import { Signal } from "../lib/signal";

type Listener = (batch: readonly Tick[]) => void;

const RETRY_MS = 1_000;
// Far above what sources hold back while paused (one feed step: at most 2,000 market
// seconds of ticks); reaching it means a source ignored `paused`, a bug worth a crash.
const MAX_PENDING = 250_000;

/**
 * The one path every tick takes: collected for a short window, stored as one batch, and
 * only then handed to listeners (fan-out). A viewer therefore never sees a seq that is not
 * stored, and a seq is never reused after a crash.
 *
 * A failed write keeps the batch and retries every second: ticks are delayed, never
 * dropped, since a dropped tick would leave a seq gap forever. To keep that bounded the bus
 * is `paused` while the store fails: sources stop their market clock (they produce nothing
 * until the store takes writes again), `status` tells the viewers and /api/health why.
 */
export class TickBus {
  private pending: Tick[] = [];
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failure: { reason: string; since: number } | null = null;
  /** Fires when storage fails (the feed pauses) and when it works again. */
  readonly status = new Signal<FeedStatus>();

  constructor(
    private readonly store: TickStore,
    private readonly log: Logger,
    private readonly windowMs = 50,
    private readonly maxPending = MAX_PENDING,
  ) {}

  /** True while the store refuses writes: sources must not produce ticks. */
  get paused(): boolean {
    return this.failure !== null;
  }

  /** Ticks published and not stored yet. */
  get backlog(): number {
    return this.pending.length;
  }

  feedStatus(): FeedStatus {
    return this.failure
      ? { state: "paused", reason: this.failure.reason, since: this.failure.since, pending: this.pending.length }
      : { state: "running" };
  }

  publish(ticks: readonly Tick[]): void {
    if (ticks.length === 0) return;
    if (this.pending.length + ticks.length > this.maxPending) {
      throw new Error(
        `tick bus over ${this.maxPending} pending ticks: a source kept publishing while the store failed`,
      );
    }
    for (const tick of ticks) this.pending.push(tick);
    this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
  }

  /** Called with each stored batch, in order. */
  onStored(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores and delivers everything published so far. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.write(batch);
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  private async write(batch: Tick[]): Promise<void> {
    try {
      await this.store.append(batch);
    } catch (error) {
      this.pending = batch.concat(this.pending);
      this.timer ??= setTimeout(() => void this.flush(), RETRY_MS);
      if (!this.failure) {
        this.failure = { reason: `storage unavailable: ${firstLine(error)}`, since: Date.now() };
        this.log.error(
          { err: error, ticks: this.pending.length },
          "storing ticks failed; the feed pauses and the bus retries every second",
        );
        this.status.emit(this.feedStatus());
      }
      return;
    }
    if (this.failure) {
      this.log.info({ pausedMs: Date.now() - this.failure.since }, "storing ticks works again; the feed resumes");
      this.failure = null;
      this.status.emit(this.feedStatus());
    }
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (error) {
        this.log.error({ err: error }, "tick listener failed");
      }
    }
  }
}

// A driver error can run to many lines (a query, a stack); the first says what happened.
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line =
    text
      .split("\n")
      .map((l) => l.trim())
      .find(Boolean) ?? "unknown error";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
