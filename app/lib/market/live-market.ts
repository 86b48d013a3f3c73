import type { FeedStatus, Notice } from "../../../contract/events";
import type { MarketClock, Snapshot, Tick } from "../../../contract/model";
import type { DataSource } from "../../../contract/resolution";
import { dayKeyOf } from "../../../domain/market/kst";
import { fetchTicks } from "../transport/api-client";
import { TickStream } from "../transport/tick-stream";
import { FEED_RUNNING, MarketBase } from "./market-base";
import { RECENT_TRADES, applySnapshot, withEarlierTrades } from "./quote";

/**
 * The page's live market: the shared plumbing (MarketBase) fed by the page's TickStream,
 * plus what only the live feed has: subscribe snapshots, the server's notices and feed
 * status, and announcements of newly stored history.
 */
export class LiveMarket extends MarketBase {
  private readonly sourceListeners = new Set<(sources: DataSource[]) => void>();
  private readonly readyWaiters = new Map<string, (() => void)[]>();
  private stream: TickStream | null = null;
  private noticeNow: Notice | null = null;
  private feedStatusNow: FeedStatus = FEED_RUNNING;
  private clockDay: string | null = null;
  private connections = 0;

  start(): void {
    if (this.stream) return;
    this.stream = new TickStream(this.symbols, {
      ticks: (ticks) => this.deliver(ticks),
      snapshots: (snapshots) => this.onSnapshots(snapshots),
      news: (item) => this.out.news(item),
      sources: (sources) => {
        // New history for these symbols: their snapshots (last price, previous close) changed too.
        this.stream?.resubscribe();
        this.sourceListeners.forEach((listener) => listener(sources));
      },
      clock: (clock) => this.onClock(clock),
      connected: () => {
        // A paused feed says so again on every connection; a new one starts from running.
        this.feedStatusNow = FEED_RUNNING;
        this.connections++;
      },
      status: (status) => this.setStatus(status),
      feedStatus: (status) => {
        this.feedStatusNow = status;
        this.changed();
      },
      notice: (notice) => {
        this.noticeNow = notice;
        this.changed();
      },
    });
    this.stream.connect();
  }

  stop(): void {
    this.stream?.close();
    this.stream = null;
    this.quiet();
  }

  notice(): Notice | null {
    return this.noticeNow;
  }

  feedStatus(): FeedStatus {
    return this.feedStatusNow;
  }

  /** Called when the server announces newly stored history (an import into the running dashboard). */
  onSources(listener: (sources: DataSource[]) => void): () => void {
    this.sourceListeners.add(listener);
    return () => this.sourceListeners.delete(listener);
  }

  /** Resolves once the subscribe snapshot of `symbol` is in, so its last tick is known. */
  whenReady(symbol: string): Promise<void> {
    if (this.quote(symbol).ready) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.readyWaiters.get(symbol) ?? [];
      waiting.push(resolve);
      this.readyWaiters.set(symbol, waiting);
    });
  }

  /** History ends just after the last tick this page has seen; later ones come live. */
  historyEnd(symbol: string): number | undefined {
    const last = this.quote(symbol).last;
    return last ? last.ts + 1 : undefined;
  }

  // Live ticks are only listened to from the history end on; nothing is kept back.
  backlog(): readonly Tick[] {
    return [];
  }

  // The live clock never jumps.
  epoch(): number {
    return 0;
  }

  newsUntil(): number | undefined {
    return undefined;
  }

  // Each connection re-reads the stored headlines: what was pushed before it is not resent.
  override newsEpoch(): number {
    return this.connections;
  }

  private onSnapshots(snapshots: readonly Snapshot[]): void {
    for (const snapshot of snapshots) {
      this.quotes.set(snapshot.symbol, applySnapshot(this.quote(snapshot.symbol), snapshot));
      if (snapshot.seq > 0 && this.quote(snapshot.symbol).recent.length < RECENT_TRADES)
        this.loadTape(snapshot.symbol, snapshot.seq);
      const waiting = this.readyWaiters.get(snapshot.symbol);
      this.readyWaiters.delete(snapshot.symbol);
      waiting?.forEach((resolve) => resolve());
    }
    this.changed();
  }

  // The tape starts with the trades just before the page opened, not empty.
  private loadTape(symbol: string, seq: number): void {
    fetchTicks(symbol, Math.max(0, seq - RECENT_TRADES), RECENT_TRADES).then(
      (ticks) => {
        if (!this.stream) return;
        this.quotes.set(symbol, withEarlierTrades(this.quote(symbol), ticks));
        this.changed();
      },
      () => {}, // the tape fills from live trades instead
    );
  }

  private onClock(clock: MarketClock): void {
    this.clockNow = clock;
    const day = dayKeyOf(clock.t);
    // A new session day moves every previous close: fresh snapshots carry the new ones.
    if (this.clockDay !== null && day !== this.clockDay) this.stream?.resubscribe();
    this.clockDay = day;
    this.changed();
  }
}
