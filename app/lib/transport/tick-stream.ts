import { io, type Socket } from "socket.io-client";
import {
  type ClientToServerEvents,
  type FeedStatus,
  type HandshakeAuth,
  type Notice,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from "../../../contract/events";
import type { MarketClock, NewsItem, Snapshot, Tick } from "../../../contract/model";
import type { DataSource } from "../../../contract/resolution";
import type { ConnectionStatus } from "./connection-status";
import { type ResumeRequest, type SequencerStep, TickSequencer } from "./tick-sequencer";

/** Callbacks of a stream; `ticks` only ever sees gapless, duplicate-free ticks. */
export interface TickStreamHandlers {
  ticks(ticks: Tick[]): void;
  snapshots(snapshots: Snapshot[]): void;
  news(item: NewsItem): void;
  /** History another process stored (an import): the charts of these sources reload. */
  sources?(sources: DataSource[]): void;
  clock(clock: MarketClock): void;
  status(status: ConnectionStatus): void;
  /** A new connection (the first or a reconnect): what was pushed before it never reached this page. */
  connected(): void;
  /** Why the server dropped this connection (e.g. it fell too far behind), once back. */
  notice(notice: Notice): void;
  /** The feed paused (its store refuses writes) or runs again. */
  feedStatus(status: FeedStatus): void;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;
// A failed subscribe (server busy, restarting) is retried; the connection itself is not lost.
const RESUBSCRIBE_DELAY_MS = 2_000;
// A viewer the server cut for falling behind comes back on its own, after a breath.
const RECONNECT_AFTER_CUT_MS = 1_000;

// Names this page to the server across reconnects, so it can say why it cut a connection.
const viewerId = (): string => Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join("");

/**
 * The browser's Socket.IO connection to its own origin: subscribes to the symbols, and
 * runs every live batch, snapshot and resume answer through a TickSequencer so a gap or
 * a reconnect is filled by `resume` before any later tick is shown.
 */
export class TickStream {
  private readonly socket: ClientSocket;
  private readonly sequencer = new TickSequencer();
  private connectedBefore = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private lastNotice: Notice | null = null;

  constructor(
    private readonly symbols: readonly string[],
    private readonly on: TickStreamHandlers,
  ) {
    const auth: HandshakeAuth = { viewer: viewerId(), protocol: PROTOCOL_VERSION };
    this.socket = io({ path: "/socket.io", autoConnect: false, auth });
    this.socket.on("connect", () => this.connected());
    this.socket.on("disconnect", (reason) => this.disconnected(reason));
    this.socket.on("notice", (notice) => {
      this.lastNotice = notice;
      this.on.notice(notice);
    });
    this.socket.on("connect_error", () => this.on.status(this.socket.active ? "reconnecting" : "offline"));
    this.socket.on("ticks", (batch) => this.run(this.sequencer.batch(batch)));
    this.socket.on("news", (item) => this.on.news(item));
    this.socket.on("sources", (sources) => this.on.sources?.(sources));
    this.socket.on("clock", (clock) => this.on.clock(clock));
    this.socket.on("feed:status", (status) => this.on.feedStatus(status));
    window.addEventListener("offline", this.wentOffline);
    window.addEventListener("online", this.cameOnline);
  }

  connect(): void {
    this.on.status("connecting");
    this.socket.connect();
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    window.removeEventListener("offline", this.wentOffline);
    window.removeEventListener("online", this.cameOnline);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  /** Asks for fresh snapshots (e.g. a new session began, so previous closes moved). */
  resubscribe(): void {
    if (this.socket.connected) this.subscribe();
  }

  private connected(): void {
    this.on.connected();
    this.on.status("connected");
    // After any reconnect ask for what was missed, even when Socket.IO says it recovered
    // the session: its buffer is bounded, the stored ticks are not.
    if (this.connectedBefore) this.resume(this.sequencer.reconnected());
    if (!this.connectedBefore || !this.socket.recovered) this.subscribe();
    this.connectedBefore = true;
  }

  private disconnected(reason: string): void {
    // Socket.IO reconnects by itself after a lost transport, not after a server's
    // disconnect; one for falling behind is followed by a reconnect and a resume.
    if (reason === "io server disconnect" && this.lastNotice?.code === "slow_consumer" && !this.closed) {
      this.retryTimer = setTimeout(() => this.socket.connect(), RECONNECT_AFTER_CUT_MS);
      this.on.status("reconnecting");
      return;
    }
    this.on.status(this.socket.active ? "reconnecting" : "offline");
  }

  private subscribe(): void {
    this.socket.timeout(ACK_TIMEOUT_MS).emit("subscribe", { symbols: [...this.symbols] }, (error, answer) => {
      if (this.closed) return;
      if (error || !answer.ok) {
        this.retryTimer = setTimeout(() => this.resubscribe(), RESUBSCRIBE_DELAY_MS);
        return;
      }
      this.on.snapshots(answer.snapshots);
      for (const snapshot of answer.snapshots) this.run(this.sequencer.snapshot(snapshot.symbol, snapshot.seq));
    });
  }

  private resume(requests: readonly ResumeRequest[]): void {
    for (const { symbol, afterSeq } of requests) {
      this.socket.timeout(ACK_TIMEOUT_MS).emit("resume", { symbol, afterSeq }, (error, answer) => {
        if (this.closed) return;
        if (error || !answer.ok) return this.sequencer.resumeFailed(symbol);
        this.run(this.sequencer.resumed(symbol, answer.ticks, answer.more));
      });
    }
  }

  private run(step: SequencerStep): void {
    if (step.deliver.length > 0) this.on.ticks(step.deliver);
    this.resume(step.resume);
  }

  private readonly wentOffline = () => this.on.status("offline");
  private readonly cameOnline = () => this.on.status(this.socket.connected ? "connected" : "reconnecting");
}
