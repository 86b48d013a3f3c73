import type { ErrorBody } from "./errors";
import type { MarketClock, NewsItem, Snapshot, Tick } from "./model";
import type { DataSource } from "./resolution";
import type {
  replayControlPayload,
  replayResumePayload,
  replayStartPayload,
  replayStopPayload,
  resumePayload,
  subscribePayload,
} from "./schemas";
import type { z } from "./zod";

/**
 * The wire protocol's version. A client sends it in the handshake (`auth.protocol`); the
 * server refuses a different one with a `connect_error` saying so (a page from an older
 * deployment), and takes a handshake without it (scripts, tests) as this version.
 */
export const PROTOCOL_VERSION = 1;

/** What a client puts in the Socket.IO handshake's `auth` (all optional). */
export interface HandshakeAuth {
  /** PROTOCOL_VERSION of the client. */
  protocol?: number;
  /** Extension: this browser's viewer id (a reconnect from it drops its older connection's notice). */
  viewer?: string;
}

// Payloads as a client sends them: the input side of the zod schemas the server reads them
// with (contract/schemas.ts). The server still parses each one: a socket can send anything.
export type SubscribePayload = z.input<typeof subscribePayload>;
export type ResumePayload = z.input<typeof resumePayload>;
export type ReplayStartInput = z.input<typeof replayStartPayload>;
export type ReplayControlInput = z.input<typeof replayControlPayload>;
export type ReplayStopPayload = z.input<typeof replayStopPayload>;

type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A control of a running replay, without the replay's id: the one type client and server share. */
export type ReplayControl = OmitEach<ReplayControlInput, "replayId">;

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

/** Where a viewer's copy of a replay stands, for `replay:resume` after a lost connection:
 * the epoch of the last clock, ticks or headline received, the last replay clock `t`, per
 * symbol the last seq received in that epoch, and the last headline received in it. */
export type ReplayPosition = z.input<typeof replayResumePayload>;

/**
 * Extension: whether the live feed runs. `paused` while the tick store refuses writes:
 * the market clock stands still until it takes them again, and nothing is lost.
 */
export type FeedStatus = { state: "running" } | { state: "paused"; reason: string; since: number; pending: number };

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

/** Events browsers send, typed as sent (a wrong emit does not compile); the server parses each. */
export interface ClientToServerEvents {
  subscribe: (payload: SubscribePayload, ack: Ack<{ snapshots: Snapshot[] }>) => void;
  unsubscribe: (payload: SubscribePayload, ack: Ack) => void;
  /** Every stored tick after `afterSeq`, 10,000 at a time; `more` says to ask again. */
  resume: (payload: ResumePayload, ack: Ack<{ ticks: Tick[]; more: boolean }>) => void;
  "replay:start": (payload: ReplayStartInput, ack: Ack<{ replayId: string }>) => void;
  "replay:control": (payload: ReplayControlInput, ack: Ack<{ clock: ReplayClock }>) => void;
  "replay:stop": (payload: ReplayStopPayload, ack: Ack) => void;
  /** Extension: takes a replay over on a new connection (after a drop Socket.IO could not
   * recover) from the viewer's `ReplayPosition`: no tick twice, none missing. */
  "replay:resume": (payload: ReplayPosition, ack: Ack<{ clock: ReplayClock }>) => void;
}
