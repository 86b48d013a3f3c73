import type { NewsItem, Tick } from "../../../contract/model";
import { type FrameBatcher, pageFrames } from "./frame-batcher";

type TickListener = (ticks: readonly Tick[]) => void;

/**
 * The listeners a MarketSource serves: React (notified at most once per animation frame,
 * however many ticks came), raw ticks per symbol for the charts, and headlines.
 */
export class MarketListeners {
  private readonly changeListeners = new Set<() => void>();
  private readonly tickListeners = new Map<string, Set<TickListener>>();
  private readonly newsListeners = new Set<(item: NewsItem) => void>();

  constructor(private readonly frames: FrameBatcher = pageFrames) {}

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  onTicks(symbol: string, listener: TickListener): () => void {
    let set = this.tickListeners.get(symbol);
    if (!set) this.tickListeners.set(symbol, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  onNews(listener: (item: NewsItem) => void): () => void {
    this.newsListeners.add(listener);
    return () => this.newsListeners.delete(listener);
  }

  /** One symbol's ticks, in seq order, to its chart listeners at once. */
  ticks(symbol: string, ticks: readonly Tick[]): void {
    this.tickListeners.get(symbol)?.forEach((listener) => listener(ticks));
  }

  news(item: NewsItem): void {
    this.newsListeners.forEach((listener) => listener(item));
  }

  /** Something React shows changed: notify on the page's next animation frame. */
  changed(): void {
    this.frames.schedule(this.notify);
  }

  cancel(): void {
    this.frames.cancel(this.notify);
  }

  private readonly notify = (): void => {
    this.changeListeners.forEach((listener) => listener());
  };
}
