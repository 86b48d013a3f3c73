import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server, type ServerOptions, type Socket } from "socket.io";
import { parseWith } from "../../contract/parse";
import { type ClientToServerEvents, PROTOCOL_VERSION, type ServerToClientEvents } from "../../contract/events";
import { resumePayload, subscribePayload } from "../../contract/schemas";
import type { AppContext } from "../operations/context";
import { resumeTicks } from "../operations/find-ticks";
import { type Subscription, subscribe, unsubscribe } from "../operations/subscriptions";
import type { TickBus } from "../feed/tick-bus";
import { answer } from "./answer";
import { RateLimiter } from "./rate-limit";
import { ReplayRegistry } from "../replay/replay-registry";
import { bindReplayHandlers } from "./replay-handlers";
import { DEFAULT_SLOW_CONSUMER_LIMITS, SlowConsumerGuard, type SlowConsumerLimits } from "./slow-consumers";
import { SubscriptionFanout, setSubscription, subscriptionOf } from "./subscription-rooms";

type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

// Between nodes (Socket.IO's serverSideEmit): a headline was stored on the sending node.
const NEWS_STORED = "news:stored";
const MAX_PAYLOAD_BYTES = 16 * 1024;
const CLOCK_EVERY_MS = 1_000;
// How long a dropped connection's state (and its replays) waits for the viewer to return.
const RECOVERY_MS = 2 * 60_000;

export interface SocketServerOptions {
  ctx: AppContext;
  bus: TickBus;
  /** The browser origins allowed at the handshake; asked per request, as a node on PORT=0 knows its own only once it listens. */
  allowedOrigins: () => readonly string[];
  /** The adapter joining nodes (Redis); the in-memory one when absent. */
  adapter?: ServerOptions["adapter"];
  /** The bound on what may wait for one viewer; `null` leaves it unbounded (benchmark baseline only). */
  slowConsumers?: SlowConsumerLimits | null;
}

/**
 * Socket.IO on the HTTP server: a room per subscription set, each stored batch emitted once
 * per set (one frame per socket), headlines and the market clock to everyone. Every payload is parsed before use; a bad
 * one gets `{ ok: false, error }` and the connection stays up.
 */
export function createSocketServer(http: HttpServer, options: SocketServerOptions): IoServer {
  const { ctx, bus, allowedOrigins } = options;
  const io: IoServer = new Server(http, {
    path: "/socket.io",
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    cors: { origin: (origin, done) => done(null, origin !== undefined && allowedOrigins().includes(origin)) },
    // `cors` only sets headers; a cross-site page could still connect over websocket.
    allowRequest: (req, done) => done(null, isAllowedOrigin(req, allowedOrigins())),
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_MS, skipMiddlewares: true },
    ...(options.adapter && { adapter: options.adapter }),
  });

  io.use((socket, next) => {
    const refused = protocolRefusal(socket.handshake.auth);
    next(refused ? new Error(refused) : undefined);
  });

  const fanout = new SubscriptionFanout(io, options.adapter !== undefined);
  const stopTicks = bus.onStored((batch) => fanout.emit(batch));
  const clustered = options.adapter !== undefined;
  const stopNews = ctx.news.on((item) => {
    io.emit("news", item);
    // The other nodes' reaction caches may hold reactions this headline now confounds.
    if (clustered) io.serverSideEmit(NEWS_STORED, item.id);
  });
  if (clustered) io.on(NEWS_STORED, () => ctx.reactionCache.clear());
  const stopStatus = bus.status.on((status) => io.emit("feed:status", status));
  // Only the node running the feed knows the market clock; through the adapter its
  // emits reach the viewers of every node.
  const clockTimer = setInterval(() => {
    const clock = ctx.feed.clock();
    if (clock) io.emit("clock", clock);
  }, CLOCK_EVERY_MS);
  const limits = options.slowConsumers === undefined ? DEFAULT_SLOW_CONSUMER_LIMITS : options.slowConsumers;
  const guard = limits ? new SlowConsumerGuard(io, limits, ctx.log) : null;
  const limiter = new RateLimiter();
  const replays = new ReplayRegistry(RECOVERY_MS);
  io.on("connection", (socket) => {
    const clock = ctx.feed.clock();
    if (clock) socket.emit("clock", clock);
    guard?.greet(socket);
    const status = ctx.feedStatus();
    if (status.state === "paused") socket.emit("feed:status", status);
    // socket.use runs before every handler: no event, replay:* included, gets past it.
    limiter.attach(socket, ctx.log);
    bindHandlers(socket, ctx);
    bindReplayHandlers(socket, ctx, replays);
  });
  const close = io.close.bind(io);
  io.close = (fn) => {
    clearInterval(clockTimer);
    stopNews();
    stopStatus();
    replays.close();
    stopTicks();
    fanout.close();
    guard?.close();
    return close(fn);
  };
  return io;
}

function bindHandlers(socket: IoSocket, ctx: AppContext): void {
  const subscription: Subscription = {
    symbols: () => subscriptionOf(socket),
    set: (symbols) => setSubscription(socket, symbols),
  };
  socket.on("subscribe", (payload, ack) =>
    answer(ack, async () => ({
      snapshots: await subscribe(ctx, subscription, parseWith(subscribePayload, payload).symbols),
    })),
  );
  socket.on("unsubscribe", (payload, ack) =>
    answer(ack, async () => {
      await unsubscribe(subscription, parseWith(subscribePayload, payload).symbols);
      return {};
    }),
  );
  socket.on("resume", (payload, ack) =>
    answer(ack, async () => {
      const { symbol, afterSeq } = parseWith(resumePayload, payload);
      return resumeTicks(ctx, symbol, afterSeq);
    }),
  );
}

/** Why a handshake's `auth.protocol` is refused (another PROTOCOL_VERSION), or null; none given is this version. */
export function protocolRefusal(auth: unknown): string | null {
  const protocol = (auth as { protocol?: unknown } | undefined)?.protocol;
  if (protocol === undefined || protocol === PROTOCOL_VERSION) return null;
  return `auth.protocol: ${JSON.stringify(protocol)} is not this server's protocol version ${PROTOCOL_VERSION}; reload the page`;
}

function isAllowedOrigin(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  // Non-browser clients send no Origin; browsers always do on cross-site requests.
  return origin === undefined || allowed.includes(origin);
}
