import type { FeedStatus } from "../../../contract/events";
import type { MarketClock, NewsItem, Tick } from "../../../contract/model";
import { groupBySymbol } from "../../../domain/ticks/group-by-symbol";
import { MarketListeners } from "./market-listeners";
import type { ConnectionStatus, MarketSource } from "./market-source";
import { type Quote, applyTicks, emptyQuote } from "./quote";

export const FEED_RUNNING: FeedStatus = { state: "running" };

/**
 * The plumbing the live market and a replay share: the quotes, clock and connection status
 * React reads (notified once per page frame through MarketListeners), ticks folded into the
 * quotes and handed to the charts per symbol as they arrive, and headlines. Subclasses say
 * where ticks come from and what history and news may be read.
 */
export abstract class MarketBase implements MarketSource {
  protected quotes = new Map<string, Quote>();
  protected clockNow: MarketClock | null = null;
  protected statusNow: ConnectionStatus = "connecting";
  protected readonly out = new MarketListeners();

  constructor(readonly symbols: readonly string[]) {
    for (const symbol of symbols) this.quotes.set(symbol, emptyQuote(symbol));
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

  /** For useSyncExternalStore: called at most once per frame after any change. */
  readonly subscribe = this.out.subscribe;

  /** Every tick of `symbol`, in seq order, as it arrives (not batched: the chart batches its own drawing). */
  onTicks(symbol: string, listener: (ticks: readonly Tick[]) => void): () => void {
    return this.out.onTicks(symbol, listener);
  }

  onNews(listener: (item: NewsItem) => void): () => void {
    return this.out.onNews(listener);
  }

  abstract feedStatus(): FeedStatus;
  abstract whenReady(symbol: string): Promise<void>;
  abstract historyEnd(symbol: string): number | undefined;
  abstract backlog(symbol: string): readonly Tick[];
  abstract epoch(): number;
  abstract newsUntil(): number | null | undefined;

  newsEpoch(): number {
    return this.epoch();
  }

  /** Folds gapless ticks (any symbols) into the quotes and hands each symbol's to its charts; `keep` sees them first. */
  protected deliver(ticks: readonly Tick[], keep?: (symbol: string, ticks: readonly Tick[]) => void): void {
    for (const [symbol, list] of groupBySymbol(ticks)) {
      keep?.(symbol, list);
      this.quotes.set(symbol, applyTicks(this.quote(symbol), list));
      this.out.ticks(symbol, list);
    }
    this.changed();
  }

  protected setStatus(status: ConnectionStatus): void {
    this.statusNow = status;
    this.changed();
  }

  /** Something React shows changed: notified on the page's next frame. */
  protected changed(): void {
    this.out.changed();
  }

  /** No more notifications (the market is stopped or closed). */
  protected quiet(): void {
    this.out.cancel();
  }
}
