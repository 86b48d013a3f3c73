import { io, type Socket } from "socket.io-client";
import {
  type ClientToServerEvents,
  type HandshakeAuth,
  PROTOCOL_VERSION,
  type ReplayClock,
  type ReplayControl,
  type ReplayPosition,
  type ServerToClientEvents,
} from "../../../contract/events";
import type { NewsItem, Tick } from "../../../contract/model";
import type { ReplaySpeed } from "./replay-speeds";
import type { ConnectionStatus } from "../transport/connection-status";

/** What a replay hands on; `ticks` and `news` never include what a jump skipped over. */
export interface ReplaySessionHandlers {
  ticks(ticks: Tick[]): void;
  news(item: NewsItem): void;
  clock(clock: ReplayClock): void;
  /** The clock jumped to `t` (start, seek, next headline): what is shown must be reloaded up to `t`. */
  jumped(t: number): void;
  status(status: ConnectionStatus): void;
}

/** A control of a running replay: the contract's type (contract/events.ts). */
export type { ReplayControl };

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 15_000;

/**
 * One viewer's replay over its own Socket.IO connection, apart from the live one, so the
 * live subscription is never touched and closing the replay is closing this socket.
 *
 * Socket.IO keeps a connection's packets in order, so everything the server sent before a
 * seek's answer belongs to the old position: it is dropped, and `jumped` tells the page to
 * reload history up to the new clock instead. Ticks at or before the jump time are in that
 * history, so only later ones are passed on.
 */
export class ReplaySession {
  private readonly socket: ClientSocket;
  private replayId: string | null = null;
  /** Jumps sent and not answered yet: until then, arriving ticks are from the old position. */
  private jumping = 0;
  private floor = Number.NEGATIVE_INFINITY;
  /** What this viewer holds of the current position, for `replay:resume` after a drop. */
  private position: Omit<ReplayPosition, "replayId"> = { epoch: 0, t: 0, after: {} };

  constructor(private readonly on: ReplaySessionHandlers) {
    const auth: HandshakeAuth = { protocol: PROTOCOL_VERSION };
    this.socket = io({ path: "/socket.io", autoConnect: false, forceNew: true, auth });
    this.socket.on("connect", () => {
      this.on.status("connected");
      // Socket.IO's recovery redelivers what was missed and the server goes on by itself;
      // a connection it could not recover takes the replay over from what we hold.
      if (this.replayId && !this.socket.recovered) this.resume(this.replayId);
    });
    this.socket.on("disconnect", () => this.on.status(this.socket.active ? "reconnecting" : "offline"));
    this.socket.on("connect_error", () => this.on.status(this.socket.active ? "reconnecting" : "offline"));
    this.socket.on("replay:ticks", ({ replayId, ticks, epoch }) => {
      if (!this.current(replayId)) return;
      this.enter(epoch);
      const after = this.position.after;
      // Never a tick twice, even if a resume and a redelivery overlap.
      const fresh = ticks.filter((tick) => tick.ts > this.floor && tick.seq > (after[tick.symbol] ?? 0));
      for (const tick of fresh) after[tick.symbol] = tick.seq;
      if (fresh.length > 0) this.on.ticks(fresh);
    });
    this.socket.on("replay:news", ({ replayId, news, epoch }) => {
      if (!this.current(replayId)) return;
      this.enter(epoch);
      this.position.lastNewsId = news.id;
      if (Date.parse(news.publishedAt) > this.floor) this.on.news(news);
    });
    this.socket.on("replay:clock", (clock) => {
      if (clock.replayId !== this.replayId) return;
      this.enter(clock.epoch);
      this.position.t = clock.t;
      this.on.clock(clock);
    });
  }

  /** Starts replaying [from, to]; the server plays right after answering. Resolves to the replay id. */
  start(symbols: readonly string[], from: number, to: number, speed: ReplaySpeed): Promise<string> {
    this.on.status("connecting");
    this.socket.connect();
    return new Promise((resolve, reject) => {
      this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emit("replay:start", { symbols: [...symbols], from, to, speed }, (error, answer) => {
          if (error) return reject(new Error("the server did not answer the replay request"));
          if (!answer.ok) return reject(new Error(answer.error.message));
          // Set before the next packet is read: the first ticks may be in the same read.
          this.replayId = answer.replayId;
          this.floor = from;
          this.position = { epoch: 0, t: from, after: {} };
          this.on.jumped(from);
          resolve(answer.replayId);
        });
    });
  }

  /** Sends a control; seeks and headline jumps reload the view at the new clock. */
  control(control: ReplayControl): Promise<ReplayClock> {
    const replayId = this.replayId;
    if (!replayId) return Promise.reject(new Error("no replay is running"));
    const jump = control.action === "seek" || control.action === "next-news";
    if (jump) this.jumping++;
    return new Promise((resolve, reject) => {
      this.socket.timeout(ACK_TIMEOUT_MS).emit("replay:control", { replayId, ...control }, (error, answer) => {
        if (jump) this.jumping--;
        if (error) return reject(new Error("the server did not answer the replay control"));
        if (!answer.ok) return reject(new Error(answer.error.message));
        if (jump) {
          this.floor = answer.clock.t;
          this.on.jumped(answer.clock.t);
        }
        this.on.clock(answer.clock);
        resolve(answer.clock);
      });
    });
  }

  // A later epoch means the server jumped: what we held belongs to the old position.
  private enter(epoch: number | undefined): void {
    if (epoch === undefined || epoch <= this.position.epoch) return;
    this.position = { epoch, t: this.position.t, after: {} };
  }

  private resume(replayId: string): void {
    this.jumping++;
    this.socket.timeout(ACK_TIMEOUT_MS).emit("replay:resume", { replayId, ...this.position }, (error, answer) => {
      this.jumping--;
      if (error || !answer.ok) {
        // Gone (past the grace period, or the server restarted): the replay is over.
        this.on.status("offline");
        return;
      }
      if (answer.clock.epoch !== this.position.epoch) {
        // We had missed a jump: the server started over at it, so reload from there.
        this.enter(answer.clock.epoch);
        this.floor = answer.clock.t;
        this.on.jumped(answer.clock.t);
      }
      this.on.clock(answer.clock);
    });
  }

  /** Ends the replay (the server forgets it after the recovery window at most). */
  close(): void {
    const replayId = this.replayId;
    if (replayId && this.socket.connected) this.socket.emit("replay:stop", { replayId }, () => undefined);
    this.replayId = null;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private current(replayId: string): boolean {
    return replayId === this.replayId && this.jumping === 0;
  }
}
