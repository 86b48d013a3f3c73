import type { FeedStatus, Notice } from "../../../contract/events";
import type { MarketClock, NewsItem, Snapshot, Tick } from "../../../contract/model";
import type { DataSource } from "../../../contract/resolution";
import { dayKeyOf } from "../../../domain/market/kst";
import { fetchTicks } from "../transport/api-client";
import { groupBySymbol } from "../../../domain/ticks/group-by-symbol";
import { MarketListeners } from "./market-listeners";
import type { MarketSource } from "./market-source";
import { type Quote, RECENT_TRADES, applySnapshot, applyTicks, emptyQuote, withEarlierTrades } from "./quote";
import { type ConnectionStatus, TickStream } from "../transport/tick-stream";

const RUNNING: FeedStatus = { state: "running" };

/**
 * The page's live state: quotes, market clock and connection status for React (one
 * notification per animation frame, however many ticks came), and raw tick and news
 * listeners for the charts and the news feed.
 */
export class LiveMarket implements MarketSource {
  private quotes = new Map<string, Quote>();
  private readonly out = new MarketListeners();
  private readonly sourceListeners = new Set<(sources: DataSource[]) => void>();
  private readonly readyWaiters = new Map<string, (() => void)[]>();
  private stream: TickStream | null = null;
  private clockNow: MarketClock | null = null;
  private statusNow: ConnectionStatus = "connecting";
  private noticeNow: Notice | null = null;
  private feedStatusNow: FeedStatus = RUNNING;
  private clockDay: string | null = null;

  constructor(readonly symbols: readonly string[]) {
    for (const symbol of symbols) this.quotes.set(symbol, emptyQuote(symbol));
  }

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
      status: (status) => {
        this.statusNow = status;
        // A paused feed says so again on every connection; a new one starts from running.
        if (status === "connected") this.feedStatusNow = RUNNING;
        this.changed();
      },
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
    this.out.cancel();
  }

  quote(symbol: string): Quote {
    return this.quotes.get(symbol) ?? emptyQuote(symbol);
  }

  clock(): MarketClock | null {
    return this.clockNow;
  }

  status(): ConnectionStatus {
    return this.statusNow;
  }

  notice(): Notice | null {
    return this.noticeNow;
  }

  feedStatus(): FeedStatus {
    return this.feedStatusNow;
  }

  /** For useSyncExternalStore: called at most once per frame after any change. */
  readonly subscribe = this.out.subscribe;

  /** Every live tick of `symbol`, in seq order, as it arrives (not batched). */
  onTicks(symbol: string, listener: (ticks: readonly Tick[]) => void): () => void {
    return this.out.onTicks(symbol, listener);
  }

  /** Called when the server announces newly stored history (an import into the running dashboard). */
  onSources(listener: (sources: DataSource[]) => void): () => void {
    this.sourceListeners.add(listener);
    return () => this.sourceListeners.delete(listener);
  }

  onNews(listener: (item: NewsItem) => void): () => void {
    return this.out.onNews(listener);
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

  private onSnapshots(snapshots: readonly Snapshot[]): void {
    for (const snapshot of snapshots) {
      this.quotes.set(snapshot.symbol, applySnapshot(this.quote(snapshot.symbol), snapshot));
      if (snapshot.seq > 0 && this.quote(snapshot.symbol).recent.length < RECENT_TRADES) this.loadTape(snapshot.symbol, snapshot.seq);
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

  private deliver(ticks: readonly Tick[]): void {
    for (const [symbol, list] of groupBySymbol(ticks)) {
      this.quotes.set(symbol, applyTicks(this.quote(symbol), list));
      this.out.ticks(symbol, list);
    }
    this.changed();
  }

  private onClock(clock: MarketClock): void {
    this.clockNow = clock;
    const day = dayKeyOf(clock.t);
    // A new session day moves every previous close: fresh snapshots carry the new ones.
    if (this.clockDay !== null && day !== this.clockDay) this.stream?.resubscribe();
    this.clockDay = day;
    this.changed();
  }

  private changed(): void {
    this.out.changed();
  }
}
