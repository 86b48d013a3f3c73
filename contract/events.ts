import type { ErrorBody } from "./errors";
import type { MarketClock, NewsItem, Snapshot, Tick } from "./model";

export const PROTOCOL_VERSION = 1;

export type Ack<T extends object = object> = (answer: ({ ok: true } & T) | { ok: false; error: ErrorBody }) => void;

/** Events the server pushes to browsers. */
export interface ServerToClientEvents {
  ticks: (batch: Tick[]) => void;
  news: (item: NewsItem) => void;
  clock: (clock: MarketClock) => void;
}

/** Events browsers send; every payload is `unknown` until the zod schema has read it. */
export interface ClientToServerEvents {
  subscribe: (payload: unknown, ack: Ack<{ snapshots: Snapshot[] }>) => void;
  unsubscribe: (payload: unknown, ack: Ack) => void;
  /** Every stored tick after `afterSeq`, 10,000 at a time; `more` says to ask again. */
  resume: (payload: unknown, ack: Ack<{ ticks: Tick[]; more: boolean }>) => void;
}
