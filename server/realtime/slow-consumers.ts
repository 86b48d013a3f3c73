import type { Logger } from "pino";
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, Notice, ServerToClientEvents } from "../../contract/events";

type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** How much may wait for one viewer before the server cuts it off. */
export interface SlowConsumerLimits {
  /** Bytes queued for the socket in this process (Engine.IO's buffer plus the WebSocket's). */
  maxBufferedBytes: number;
  /** Packets (batches, headlines, clocks) waiting in Engine.IO's buffer. */
  maxBufferedPackets: number;
  /** How often every socket is checked. */
  sweepMs: number;
}

// About 2 s of the feed at 4,500 ticks/s (~400 KB/s of `ticks` frames), behind whatever the
// kernel's socket buffers already hold; 20 stalled viewers cost at most ~20 MB. The bytes are
// the bound; the packet count only catches a flood of tiny packets. At 200 packets (5 s of
// 25 ms batches) a healthy viewer on a loaded machine was cut off while the server itself
// was starved of CPU to flush its buffers, so it allows a minute of batches.
export const DEFAULT_SLOW_CONSUMER_LIMITS: SlowConsumerLimits = {
  maxBufferedBytes: 1024 * 1024,
  maxBufferedPackets: 2_500,
  sweepMs: 100,
};

/** Sent to a viewer that reconnects after being cut off (see CONTRACT extensions). */
export const SLOW_CONSUMER_NOTICE: Notice = {
  code: "slow_consumer",
  message:
    "This viewer fell too far behind the live feed, so the server dropped its connection; it reconnected and caught up from the store.",
};

// Viewers cut off recently, by the id they send in the handshake's `auth.viewer`.
const REMEMBER_MS = 10 * 60_000;
const REMEMBER_MAX = 10_000;
const VIEWER_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface EngineTransport {
  name: string;
  socket?: { bufferedAmount?: number; terminate?: () => void };
}
interface EngineConnection {
  writeBuffer: Array<{ data?: unknown }>;
  transport: EngineTransport;
  close(discard?: boolean): void;
}

const engineOf = (socket: IoSocket) => socket.conn as unknown as EngineConnection;

/** What is queued in this process for `socket`, in bytes and Engine.IO packets. */
export function bufferedFor(socket: IoSocket): { bytes: number; packets: number } {
  const conn = engineOf(socket);
  let bytes = conn.transport.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer) {
    const data = packet.data;
    if (typeof data === "string") bytes += data.length;
    else if (data instanceof Uint8Array) bytes += data.byteLength;
  }
  return { bytes, packets: conn.writeBuffer.length };
}

/** The id a viewer sent in the handshake (`auth: { viewer }`), when it is one. */
export function viewerOf(socket: IoSocket): string | null {
  const viewer = (socket.handshake.auth as { viewer?: unknown } | undefined)?.viewer;
  return typeof viewer === "string" && VIEWER_ID.test(viewer) ? viewer : null;
}

/**
 * Bounds what a viewer that stopped reading can cost: every `sweepMs` each socket's queue
 * is measured, and one past a limit is disconnected (its queue discarded, its session not
 * kept for recovery, which would replay the same backlog). A live viewer's client
 * reconnects at once, resumes every symbol by seq from the store, and is told why.
 */
export class SlowConsumerGuard {
  private readonly cut = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  /** Sockets cut off since start (for health and benchmarks). */
  cutCount = 0;

  constructor(
    private readonly io: IoServer,
    private readonly limits: SlowConsumerLimits,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => this.sweep(), limits.sweepMs);
    this.timer.unref();
  }

  /** A new connection: tells a viewer cut off before why its connection dropped. */
  greet(socket: IoSocket): void {
    const viewer = viewerOf(socket);
    if (!viewer || !this.cut.delete(viewer)) return;
    socket.emit("notice", SLOW_CONSUMER_NOTICE);
  }

  close(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    for (const socket of this.io.of("/").sockets.values()) {
      const { bytes, packets } = bufferedFor(socket);
      if (bytes > this.limits.maxBufferedBytes || packets > this.limits.maxBufferedPackets)
        this.cutOff(socket, bytes, packets);
    }
  }

  private cutOff(socket: IoSocket, bytes: number, packets: number): void {
    this.cutCount++;
    const viewer = viewerOf(socket);
    if (viewer) this.remember(viewer);
    this.log.warn({ socket: socket.id, viewer, bytes, packets }, "viewer too slow; disconnected");
    // Should the queue drain after all, the viewer reads why before the disconnect.
    socket.emit("notice", SLOW_CONSUMER_NOTICE);
    // A namespace disconnect is not kept for connection state recovery ...
    socket.disconnect();
    // ... and the connection goes at once, with everything queued for it: a plain close
    // would wait for the queue to drain, which a stalled viewer never does.
    const conn = engineOf(socket);
    if (conn.transport.name === "websocket" && conn.transport.socket?.terminate) conn.transport.socket.terminate();
    else conn.close(true);
  }

  private remember(viewer: string): void {
    const now = Date.now();
    this.cut.set(viewer, now);
    if (this.cut.size <= REMEMBER_MAX) return;
    for (const [id, at] of this.cut) {
      if (this.cut.size > REMEMBER_MAX || now - at > REMEMBER_MS) this.cut.delete(id);
      else break;
    }
  }
}
