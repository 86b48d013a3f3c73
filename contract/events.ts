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
  /** Extension: grows by one at every jump (start, seek, next headline), so a viewer can
   * tell which position the ticks and headlines it holds belong to (see `replay:resume`). */
  epoch?: number;
}

/** Why the server did something to this connection (extension): `slow_consumer` when it cut a viewer that fell behind. */
export interface Notice {
  code: string;
  message: string;
}

/** Where a viewer's copy of a replay stands, for `replay:resume` after a lost connection. */
export interface ReplayPosition {
  replayId: string;
  /** The epoch of the last clock, ticks or headline received. */
  epoch: number;
  /** The last replay clock received. */
  t: number;
  /** Per symbol, the last seq received in that epoch. */
  after: Record<string, number>;
  /** The last headline received in that epoch. */
  lastNewsId?: string | undefined;
}

/**
 * Extension: whether the live feed runs. `paused` while the tick store refuses writes:
 * the market clock stands still until it takes them again, and nothing is lost.
 */
export type FeedStatus =
  | { state: "running" }
  | { state: "paused"; reason: string; since: number; pending: number };

/** Events the server pushes to browsers. */
export interface ServerToClientEvents {
  ticks: (batch: Tick[]) => void;
  news: (item: NewsItem) => void;
  clock: (clock: MarketClock) => void;
  /** Extension: history another process (the import CLI) stored; charts of these symbols reload. */
  sources: (sources: DataSource[]) => void;
  /** Extension: sent when the feed pauses or resumes, and on connecting while paused. */
  "feed:status": (status: FeedStatus) => void;
  "replay:ticks": (payload: { replayId: string; ticks: Tick[]; epoch?: number }) => void;
  /** `t` (extension): the replay clock that passed the headline; a `replay:clock` at `t` precedes it. */
  "replay:news": (payload: { replayId: string; news: NewsItem; t?: number; epoch?: number }) => void;
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
  /** Extension: takes a replay over on a new connection (after a drop Socket.IO could not
   * recover) from the viewer's `ReplayPosition`: no tick twice, none missing. */
  "replay:resume": (payload: unknown, ack: Ack<{ clock: ReplayClock }>) => void;
}
