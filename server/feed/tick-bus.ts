import type { Logger } from "pino";
import type { Tick } from "../../contract/model";
import type { TickStore } from "../store/store";

type Listener = (batch: readonly Tick[]) => void;

const RETRY_MS = 1_000;

/**
 * The one path every tick takes: collected for a short window, stored as one batch, and
 * only then handed to listeners (fan-out). A viewer therefore never sees a seq that is not
 * stored, and a seq is never reused after a crash. A failed write keeps the batch and
 * retries: ticks are delayed, never dropped.
 */
export class TickBus {
  private pending: Tick[] = [];
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failing = false;

  constructor(
    private readonly store: TickStore,
    private readonly log: Logger,
    private readonly windowMs = 50,
  ) {}

  publish(ticks: readonly Tick[]): void {
    if (ticks.length === 0) return;
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
      if (!this.failing) this.log.error({ err: error, ticks: batch.length }, "storing ticks failed; retrying");
      this.failing = true;
      this.pending = batch.concat(this.pending);
      this.timer ??= setTimeout(() => void this.flush(), RETRY_MS);
      return;
    }
    if (this.failing) this.log.info("storing ticks works again");
    this.failing = false;
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (error) {
        this.log.error({ err: error }, "tick listener failed");
      }
    }
  }
}
