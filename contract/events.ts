import type { ErrorBody } from "./errors";
import type { MarketClock, NewsItem, Snapshot, Tick } from "./model";
import type { DataSource } from "./resolution";

export const PROTOCOL_VERSION = 1;

export type Ack<T extends object = object> = (answer: ({ ok: true } & T) | { ok: false; error: ErrorBody }) => void;

export type ReplayState = "playing" | "paused" | "ended";

/** Where a viewer's replay stands; `from`/`to` (extensions) say which range it replays. */
export interface ReplayClock {
  replayId: string;
  t: number;
  speed: number;
  state: ReplayState;
  from?: number;
  to?: number;
}

/** Why the server did something to this connection (extension): `slow_consumer` when it cut a viewer that fell behind. */
export interface Notice {
  code: string;
  message: string;
}

/** Events the server pushes to browsers. */
export interface ServerToClientEvents {
  ticks: (batch: Tick[]) => void;
  news: (item: NewsItem) => void;
  clock: (clock: MarketClock) => void;
  /** Extension: history another process (the import CLI) stored; charts of these symbols reload. */
  sources: (sources: DataSource[]) => void;
  "replay:ticks": (payload: { replayId: string; ticks: Tick[] }) => void;
  "replay:news": (payload: { replayId: string; news: NewsItem }) => void;
  "replay:clock": (payload: ReplayClock) => void;
  notice: (notice: Notice) => void;
}

/** Events browsers send; every payload is `unknown` until the zod schema has read it. */
export interface ClientToServerEvents {
  subscribe: (payload: unknown, ack: Ack<{ snapshots: Snapshot[] }>) => void;
  unsubscribe: (payload: unknown, ack: Ack) => void;
  /** Every stored tick after `afterSeq`, 10,000 at a time; `more` says to ask again. */
  resume: (payload: unknown, ack: Ack<{ ticks: Tick[]; more: boolean }>) => void;
  "replay:start": (payload: unknown, ack: Ack<{ replayId: string }>) => void;
  "replay:control": (payload: unknown, ack: Ack<{ clock: ReplayClock }>) => void;
  "replay:stop": (payload: unknown, ack: Ack) => void;
}
