import { type ManagerOptions, type SocketOptions, io } from "socket.io-client";
import type { Tick } from "../../../contract/model";
import type { TestSocket } from "../../support/connect-client";

/** What a client saw; the fault-injection test and the soak print these. */
export interface ClientStats {
  connects: number;
  /** Connects where Socket.IO's Connection State Recovery restored the session. */
  recovered: number;
  /** Ticks taken from live batches and from resume answers. */
  live: number;
  resumed: number;
  /** Ticks at or below the last seq (already held), dropped. */
  ignored: number;
  /** Holes seen in the live stream (each then filled by a resume). */
  gaps: number;
  /** Seqs those holes skipped, summed: what the client would lack without resume. */
  missedSeqs: number;
  resumes: number;
  /** Acks that failed: timeouts, lost connections, `rate_limited`. */
  failedAcks: number;
}

/** Stats with every count at zero: a new client's, or the start of a sum over clients. */
export function emptyStats(): ClientStats {
  return {
    connects: 0,
    recovered: 0,
    live: 0,
    resumed: 0,
    ignored: 0,
    gaps: 0,
    missedSeqs: 0,
    resumes: 0,
    failedAcks: 0,
  };
}

type ResumeAnswer = { ok: true; ticks: Tick[]; more: boolean } | { ok: false; error: { code: string } };

interface Lane {
  /** The seq of the first snapshot: the client holds every tick after it. */
  base: number;
  last: number;
  /** The connection epoch a resume is in flight on, or null. */
  inFlight: number | null;
}

const ACK_MS = 5_000;
const RETRY_MS = 100;

/**
 * A Socket.IO client that keeps each symbol gapless the way a browser must: it remembers
 * the last seq, drops anything at or below it, and on a hole in the live stream, and after
 * every (re)connect, recovered or not, asks `resume` for everything after the last seq
 * (again while the answer says `more`). Independent of the dashboard's own sequencer, so
 * the server is checked against the contract rather than against one client.
 */
export class ResumingClient {
  readonly socket: TestSocket;
  readonly stats: ClientStats = emptyStats();
  private readonly lanes = new Map<string, Lane>();
  private readonly held = new Map<string, Tick[]>();
  private readonly keepTicks: boolean;
  private readonly subscribed: Promise<void>;
  private epoch = 0;
  private closed = false;

  constructor(
    url: string,
    private readonly symbols: readonly string[],
    options: Partial<ManagerOptions & SocketOptions> & { keepTicks?: boolean } = {},
  ) {
    const { keepTicks = true, ...ioOptions } = options;
    // The soak runs for half an hour with hundreds of clients: it counts, it does not keep.
    this.keepTicks = keepTicks;
    this.socket = io(url, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 20,
      reconnectionDelayMax: 200,
      randomizationFactor: 0,
      autoConnect: false,
      ...ioOptions,
    });
    let ready: () => void = () => undefined;
    this.subscribed = new Promise((resolve) => (ready = resolve));
    this.socket.on("connect", () => this.connected(ready));
    this.socket.on("ticks", (batch) => {
      for (const tick of batch) this.accept(tick, "live");
    });
  }

  /** Connects; resolves once the first subscribe has given every symbol its base seq. */
  start(): Promise<void> {
    this.socket.connect();
    return this.subscribed;
  }

  close(): void {
    this.closed = true;
    this.socket.close();
  }

  /** The ticks held for `symbol`, in seq order (when kept). */
  ticks(symbol: string): readonly Tick[] {
    return this.held.get(symbol) ?? [];
  }

  /** The base (first snapshot seq) and last seq held for `symbol`. */
  range(symbol: string): { base: number; last: number } | null {
    const lane = this.lanes.get(symbol);
    return lane ? { base: lane.base, last: lane.last } : null;
  }

  /** True when no resume is waiting for its answer. */
  get settled(): boolean {
    return [...this.lanes.values()].every((lane) => lane.inFlight === null);
  }

  /** Resumes `symbol` until the server has nothing more; the number of ticks it added. */
  async resumeToEnd(symbol: string): Promise<number> {
    const lane = this.lanes.get(symbol);
    if (!lane) throw new Error(`${symbol} was never subscribed`);
    let added = 0;
    for (;;) {
      const answer = (await this.socket
        .timeout(ACK_MS)
        .emitWithAck("resume", { symbol, afterSeq: lane.last })) as ResumeAnswer;
      if (!answer.ok) throw new Error(`resume ${symbol} failed: ${answer.error.code}`);
      for (const tick of answer.ticks) if (this.accept(tick, "resumed")) added++;
      if (!answer.more) return added;
    }
  }

  private connected(ready: () => void): void {
    this.epoch += 1;
    this.stats.connects += 1;
    if (this.socket.recovered) this.stats.recovered += 1;
    // Recovery restores the rooms and replays what it buffered; without it the rooms are
    // gone and must be joined again. Either way, resume: recovery is not a promise.
    if (!this.socket.recovered) this.subscribe(ready);
    for (const symbol of this.lanes.keys()) this.resume(symbol);
  }

  private subscribe(ready: () => void): void {
    const epoch = this.epoch;
    this.socket.timeout(ACK_MS).emit("subscribe", { symbols: [...this.symbols] }, (error, answer) => {
      if (this.closed || epoch !== this.epoch) return;
      if (error || !answer.ok) {
        this.stats.failedAcks += 1;
        setTimeout(() => epoch === this.epoch && this.socket.connected && this.subscribe(ready), RETRY_MS);
        return;
      }
      for (const { symbol, seq } of answer.snapshots) {
        const lane = this.lanes.get(symbol);
        if (!lane) {
          this.lanes.set(symbol, { base: seq, last: seq, inFlight: null });
          this.held.set(symbol, []);
        } else if (seq > lane.last) {
          this.resume(symbol);
        }
      }
      ready();
    });
  }

  private resume(symbol: string): void {
    const lane = this.lanes.get(symbol);
    if (!lane || lane.inFlight === this.epoch) return;
    const epoch = this.epoch;
    lane.inFlight = epoch;
    this.stats.resumes += 1;
    this.socket.timeout(ACK_MS).emit("resume", { symbol, afterSeq: lane.last }, (error, answer) => {
      if (lane.inFlight === epoch) lane.inFlight = null;
      if (this.closed) return;
      if (error || !answer.ok) {
        this.stats.failedAcks += 1;
        // Lost with its connection: the next connect resumes. Refused: ask again shortly.
        if (epoch === this.epoch)
          setTimeout(() => epoch === this.epoch && this.socket.connected && this.resume(symbol), RETRY_MS);
        return;
      }
      for (const tick of answer.ticks) this.accept(tick, "resumed");
      if (answer.more) this.resume(symbol);
    });
  }

  /** Takes `tick` if it is the next seq; true when taken. */
  private accept(tick: Tick, source: "live" | "resumed"): boolean {
    const lane = this.lanes.get(tick.symbol);
    // Before the first snapshot there is no base: the resume after it brings these back.
    if (!lane) return false;
    if (tick.seq <= lane.last) {
      this.stats.ignored += 1;
      return false;
    }
    if (tick.seq > lane.last + 1) {
      // Counted once per hole: later ticks past it arrive while its resume is in flight.
      if (source === "live" && lane.inFlight !== this.epoch) {
        this.stats.gaps += 1;
        this.stats.missedSeqs += tick.seq - lane.last - 1;
      }
      this.resume(tick.symbol);
      return false;
    }
    lane.last = tick.seq;
    this.stats[source] += 1;
    if (this.keepTicks) this.held.get(tick.symbol)!.push(tick);
    return true;
  }
}
