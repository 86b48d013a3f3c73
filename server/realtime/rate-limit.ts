import type { Logger } from "pino";
import type { Socket } from "socket.io";
import { AppError } from "../../contract/errors";

/** Milliseconds from any fixed origin; injected so the buckets can be tested without waiting. */
export type Clock = () => number;

/** A rate and the burst allowed above it. */
export interface Limit {
  perSecond: number;
  burst: number;
}

export interface RateLimitOptions {
  socket: Limit;
  /** Shared by every socket from one remote address. */
  address: Limit;
  /** A socket sending at `floodFactor` × its rate for `floodMs` is cut off. */
  floodFactor: number;
  floodMs: number;
  now: Clock;
}

// Far above what the dashboard sends (a subscribe, then a resume per symbol after each
// reconnect), far below what a loop of emits sends.
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  socket: { perSecond: 50, burst: 100 },
  address: { perSecond: 200, burst: 400 },
  floodFactor: 5,
  floodMs: 2_000,
  now: () => performance.now(),
};

/** A token bucket: `burst` tokens, refilled at `perSecond`; each event takes one. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: Limit,
    private readonly now: Clock,
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes a token if there is one. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * The flood meter: every event, allowed or not, takes a token; it refills at the allowed
 * rate, so it only runs dry when a socket keeps sending at `floodFactor` × that rate for
 * `floodMs` — no client of ours does, a loop of emits does.
 */
export function floodMeter(options: RateLimitOptions): TokenBucket {
  const { perSecond } = options.socket;
  const excess = (options.floodFactor - 1) * perSecond * (options.floodMs / 1000);
  return new TokenBucket({ perSecond, burst: excess }, options.now);
}

/** Per-socket and per-address limits on client events, applied as socket middleware. */
export class RateLimiter {
  private readonly addresses = new Map<string, { bucket: TokenBucket; sockets: number }>();

  constructor(private readonly options: RateLimitOptions = DEFAULT_RATE_LIMITS) {}

  /**
   * Limits every event `socket` sends, `replay:*` included: one over the limit is acked
   * `rate_limited` without reaching its handler; a flood closes the connection. Each is
   * logged once per socket, never per event.
   */
  attach(socket: Socket, log: Logger): void {
    const address = this.join(socket.handshake.address);
    const own = new TokenBucket(this.options.socket, this.options.now);
    const flood = floodMeter(this.options);
    let refused = 0;
    let cut = false;
    socket.on("disconnect", () => this.leave(socket.handshake.address));
    socket.use((packet, next) => {
      if (cut) return;
      if (!flood.take()) {
        cut = true;
        log.warn(
          { socket: socket.id, address: socket.handshake.address, refused },
          "socket flooding events: disconnected",
        );
        return void socket.disconnect(true);
      }
      // The socket's own bucket first: a flooding socket is refused before it eats into
      // the budget its address shares with its other tabs.
      if (own.take() && address.take()) return next();
      if (refused++ === 0)
        log.warn({ socket: socket.id, address: socket.handshake.address, event: packet[0] }, "socket rate limited");
      const ack: unknown = packet[packet.length - 1];
      if (typeof ack === "function") {
        const error = new AppError("rate_limited", "too many events; slow down").toBody();
        (ack as (answer: unknown) => void)({ ok: false, error });
      }
    });
  }

  private join(address: string): TokenBucket {
    let entry = this.addresses.get(address);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.options.address, this.options.now), sockets: 0 };
      this.addresses.set(address, entry);
    }
    entry.sockets += 1;
    return entry.bucket;
  }

  // Forgotten with its last socket, so the map holds only addresses that are connected.
  private leave(address: string): void {
    const entry = this.addresses.get(address);
    if (entry && --entry.sockets === 0) this.addresses.delete(address);
  }
}
