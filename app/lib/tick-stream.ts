import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../contract/events";
import type { MarketClock, NewsItem, Snapshot, Tick } from "../../contract/model";
import { type ResumeRequest, type SequencerStep, TickSequencer } from "./tick-sequencer";

/** What the connection indicator says. */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";

/** Callbacks of a stream; `ticks` only ever sees gapless, duplicate-free ticks. */
export interface TickStreamHandlers {
  ticks(ticks: Tick[]): void;
  snapshots(snapshots: Snapshot[]): void;
  news(item: NewsItem): void;
  clock(clock: MarketClock): void;
  status(status: ConnectionStatus): void;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;
// A failed subscribe (server busy, restarting) is retried; the connection itself is not lost.
const RESUBSCRIBE_DELAY_MS = 2_000;

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

  constructor(
    private readonly symbols: readonly string[],
    private readonly on: TickStreamHandlers,
  ) {
    this.socket = io({ path: "/socket.io", autoConnect: false });
    this.socket.on("connect", () => this.connected());
    this.socket.on("disconnect", () => this.on.status(this.socket.active ? "reconnecting" : "offline"));
    this.socket.on("connect_error", () => this.on.status(this.socket.active ? "reconnecting" : "offline"));
    this.socket.on("ticks", (batch) => this.run(this.sequencer.batch(batch)));
    this.socket.on("news", (item) => this.on.news(item));
    this.socket.on("clock", (clock) => this.on.clock(clock));
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
    this.on.status("connected");
    // After any reconnect ask for what was missed, even when Socket.IO says it recovered
    // the session: its buffer is bounded, the stored ticks are not.
    if (this.connectedBefore) this.resume(this.sequencer.reconnected());
    if (!this.connectedBefore || !this.socket.recovered) this.subscribe();
    this.connectedBefore = true;
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
