import type { Logger } from "pino";
import type { FeedStatus } from "../../contract/events";
import type { Instrument, NewsItem } from "../../contract/model";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import type { Signal } from "../lib/signal";
import type { MarketState } from "../market/market-state";
import type { Store } from "../store/store";
import type { LeaderFeed } from "../cluster/leader-feed";
import type { ReactionCache } from "./reaction-cache";

/** Who may write: anyone (loopback, no token), holders of the token, or nobody (server/http/write-access.ts decides). */
export type WriteAccess = { kind: "open" } | { kind: "token"; digest: Buffer } | { kind: "refused"; reason: string };

/** What operations work with: handed to every route and socket handler. */
export interface AppContext {
  store: Store;
  calendar: KrxCalendar;
  instruments: ReadonlyMap<string, Instrument>;
  /** The symbol abnormal returns are measured against. */
  benchmark: string;
  tagger: (...texts: string[]) => string[];
  market: MarketState;
  /** Whether the feed runs or waits for the store (the tick bus's status). */
  feedStatus: () => FeedStatus;
  news: Signal<NewsItem>;
  feed: LeaderFeed;
  reactionCache: ReactionCache;
  /** Who may call the write routes (API_TOKEN, HOST). */
  writeAccess: WriteAccess;
  node: string;
  log: Logger;
}
