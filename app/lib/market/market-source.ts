import type { FeedStatus, Notice } from "../../../contract/events";
import type { MarketClock, NewsItem, Tick } from "../../../contract/model";
import type { Quote } from "./quote";
import type { ConnectionStatus } from "../transport/connection-status";

export type { ConnectionStatus };

/**
 * What the dashboard's panels read prices, news and time from: the live feed or one
 * viewer's replay. Panels depend on this, not on either implementation, so a replay is a
 * swap of the context value rather than a second code path in every component.
 */
export interface MarketSource {
  readonly symbols: readonly string[];
  quote(symbol: string): Quote;
  clock(): MarketClock | null;
  status(): ConnectionStatus;
  /** The server's last word on why it dropped this page's connection, if it did (live only). */
  notice?(): Notice | null;
  /** Whether the live feed runs; a replay reads stored ticks and always runs. */
  feedStatus(): FeedStatus;
  /** For useSyncExternalStore: called at most once per frame after any change. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Every tick of `symbol` after the current history end, in order, as it arrives. */
  onTicks(symbol: string, listener: (ticks: readonly Tick[]) => void): () => void;
  onNews(listener: (item: NewsItem) => void): () => void;
  /** Resolves once `historyEnd(symbol)` can be trusted. */
  whenReady(symbol: string): Promise<void>;
  /** Bars are asked for up to this instant (epoch ms, exclusive); undefined: up to now. */
  historyEnd(symbol: string): number | undefined;
  /** Ticks after `historyEnd` that arrived before the caller listened (a replay's since its last jump). */
  backlog(symbol: string): readonly Tick[];
  /** Moves whenever the clock jumps (replay start, seek): history and news must be reloaded. */
  epoch(): number;
  /**
   * Moves whenever the headlines shown may lack some, so the stored ones must be read again:
   * a clock jump (epoch) and, live, every connection the stream makes. Headlines are pushed
   * to connected pages only, so one stored while the page was still connecting, or away, is
   * not resent.
   */
  newsEpoch(): number;
  /** The newest publish time the news feed may show (epoch ms); undefined: everything; null: nothing yet. */
  newsUntil(): number | null | undefined;
}
