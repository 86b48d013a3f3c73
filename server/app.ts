import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { AppError } from "../contract/errors";
import type { Instrument, NewsItem } from "../contract/model";
import { BENCHMARK, SHIPPED_INSTRUMENTS } from "../domain/instruments";
import { simulatedMarket } from "../domain/simulator/default-market";
import { KrxCalendar } from "../domain/market/krx-calendar";
import { createTagger } from "../domain/tagging/tag-tickers";
import { connectRedis } from "./cluster/connect-redis";
import { LeaderFeed } from "./cluster/leader-feed";
import { type Leadership, redisLeadership, soloLeadership } from "./cluster/leadership";
import type { Env } from "./config/env";
import { createFeed } from "./create-feed";
import { FeedPoller } from "./news-feeds/feed-poller";
import { withNewsFeeds } from "./news-feeds/with-news-feeds";
import { TickBus } from "./feed/tick-bus";
import { answerClientError } from "./http/answer-client-error";
import { guardHost } from "./http/guard-host";
import { handleApi } from "./http/handle-api";
import { errorAnswer, send } from "./http/respond";
import { defaultAllowedHosts, isAllowedHost } from "./http/host-allowlist";
import { writeAccess } from "./http/write-access";
import { securityHeaderValues, securityHeaders, withScriptNonce } from "./http/security-headers";
import { createLogger } from "./lib/logger";
import { oneLine } from "./lib/one-line";
import { Signal } from "./lib/signal";
import { MarketState } from "./market/market-state";
import type { AppContext } from "./operations/context";
import { ReactionCache } from "./operations/reaction-cache";
import { ImportWatcher } from "./operations/watch-imports";
import { createSocketServer } from "./realtime/socket-server";
import { type SlowConsumerLimits, bufferedFor } from "./realtime/slow-consumers";
import { loadScenario } from "./scenario/load-scenario";
import { scenarioWorld } from "./scenario/scenario-world";
import { seedDatabase } from "./seed/seed-database";
import { openStore } from "./store/open-store";
import { prepareTape, readTapeRows } from "./tape/load-tape";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FOLLOWER_REFRESH_MS = 1_000;

export interface StartOptions {
  env: Env;
  /** Serve the Next.js dashboard too (integration tests run the API and sockets alone). */
  withPages?: boolean;
  dev?: boolean;
  /** The bound on what may wait for one viewer (default: DEFAULT_SLOW_CONSUMER_LIMITS; `null` only for benchmark baselines). */
  slowConsumers?: SlowConsumerLimits | null;
  /**
   * A failure after start that leaves the node unable to do its job (a feed that cannot
   * start when this node wins the lead). Default: one line on stderr and exit 1.
   */
  onFatal?: (error: Error) => void;
}

export interface RunningApp {
  url: string;
  ctx: AppContext;
  /** The tick bus, for benchmarks and tests that publish ticks of their own. */
  bus: TickBus;
  /** Whether this node runs the feed (always, without REDIS_URL). */
  isLeader(): boolean;
  /** Viewers connected to this node right now. */
  viewers(): number;
  /** Bytes queued in this process for its viewers right now (see realtime/slow-consumers). */
  queuedBytes(): number;
  close(): Promise<void>;
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Wires the parts together and listens: store, feed -> bus -> store and fan-out, API, pages. */
export async function startApp({
  env,
  withPages = env.SERVE_PAGES,
  dev = false,
  slowConsumers,
  onFatal = exitLoudly,
}: StartOptions): Promise<RunningApp> {
  const node = `${os.hostname()}:${process.pid}`;
  const log = createLogger(env.LOG_LEVEL, node);
  const calendar = new KrxCalendar();
  const scenario = env.FEED.startsWith("scenario:")
    ? await loadScenario(env.FEED.slice("scenario:".length), calendar)
    : null;
  const tapeRows = env.FEED.startsWith("replay:")
    ? await readTapeRows(path.resolve(env.FEED.slice("replay:".length)))
    : null;
  const store = await openStore(env);
  const tape = tapeRows
    ? await prepareTape(tapeRows, store).catch(async (error: unknown) => {
        await store.close();
        throw error;
      })
    : null;
  // The feed lock's own connection: its commands are never queued across a reconnect.
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, log, { offlineQueue: false }) : null;
  // The adapter reads streams with blocking calls: it gets a connection of its own.
  const adapterClient = env.REDIS_URL ? await connectRedis(env.REDIS_URL, log) : null;

  // The world this node serves: the scenario's instruments or the shipped ones, plus any
  // imported since. Known up front, so a node that does not seed can still serve.
  const world: readonly Instrument[] = scenario ? scenarioWorld(scenario, calendar).instruments : SHIPPED_INSTRUMENTS;
  const instruments = new Map([...world, ...(await store.instruments.list())].map((i) => [i.symbol, i]));
  const bus = new TickBus(store.ticks, log);
  const news = new Signal<NewsItem>();
  const market = await MarketState.load(store.ticks, calendar);
  bus.onStored((batch) => market.apply(batch));

  // Only the leader seeds and runs the feed, so two nodes never write the same seq.
  const feed = new LeaderFeed(
    env.FEED === "simulate" || env.FEED === "off" || tape ? env.FEED : `scenario:${scenario?.name}`,
    async () => {
      // A tape is the market: no simulated history is mixed in.
      if (!scenario)
        await seedDatabase(
          store,
          SHIPPED_INSTRUMENTS,
          calendar,
          env.FEED_SEED,
          log,
          env.SEED_HISTORY && !tape,
          simulatedMarket(env.FEED_SYMBOLS),
        );
      const created = await createFeed(env, { store, bus, calendar, news, log, scenario, tape });
      await market.refresh();
      const poller =
        env.NEWS_FEEDS.length === 0
          ? null
          : new FeedPoller({
              urls: env.NEWS_FEEDS,
              intervalMs: env.NEWS_POLL_SECONDS * 1000,
              store: store.news,
              tag: createTagger([...instruments.values()]),
              news,
              log,
            });
      return withNewsFeeds(created, poller);
    },
    log,
  );
  const leadership: Leadership = redis ? redisLeadership(redis, env.CLUSTER, node, log) : soloLeadership();

  const ctx: AppContext = {
    store,
    calendar,
    instruments,
    benchmark: scenario?.benchmark ?? BENCHMARK,
    tagger: createTagger([...instruments.values()]),
    market,
    feedStatus: () => bus.feedStatus(),
    news,
    feed,
    reactionCache: new ReactionCache(),
    writeAccess: writeAccess(env.HOST, env.API_TOKEN),
    node,
    log,
  };
  news.on(() => ctx.reactionCache.clear());

  let pages: RequestHandler | null = null;
  const http = createServer((req, res) => {
    securityHeaders(req, res, dev);
    // An absolute-form target with a bad host (`GET http://[ HTTP/1.1`) is no URL: `new URL`
    // would throw here, outside every handler, and take the whole process down.
    if (!URL.canParse(req.url ?? "/", "http://localhost"))
      return send(res, errorAnswer(new AppError("bad_request", "malformed request target")));
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/api/")) return void handleApi(ctx, req, res, url);
    if (pages) {
      // Each page answer gets its own script nonce; the API and static files need none.
      if (!url.pathname.startsWith("/_next/static/")) withScriptNonce(req, res, dev);
      return void pages(req, res);
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  // Longer than the usual client and proxy idle timeouts, so the server is not the one
  // closing a kept-alive connection just as a client reuses it.
  http.keepAliveTimeout = 65_000;
  // Requests Node's parser refuses never reach the handler above (e.g. a 20 KB query string).
  http.on("clientError", (error: Error, socket) =>
    answerClientError(error, socket, securityHeaderValues(undefined, dev)),
  );
  // PORT=0 binds a port only at listen: until then (no request can come) the own origins are unknown.
  let boundPort = env.PORT;
  const io = createSocketServer(http, {
    ctx,
    bus,
    allowedOrigins: () => env.ALLOWED_ORIGINS ?? ownOrigins(env.HOST, boundPort),
    ...(slowConsumers !== undefined && { slowConsumers }),
    ...(adapterClient && {
      adapter: createAdapter(adapterClient, {
        streamName: `${env.CLUSTER}:socket.io`,
        channelPrefix: `${env.CLUSTER}:socket.io`,
      }),
    }),
  });
  // Socket.IO answers its own HTTP requests (long-polling, handshakes) before the handler above.
  io.engine.on("headers", (headers: Record<string, string>, req: IncomingMessage) =>
    Object.assign(headers, securityHeaderValues(req.headers.host, dev)),
  );

  let closePages = async () => {};
  if (withPages) {
    const { default: next } = await import("next");
    const app = next({ dev, dir: root, hostname: env.HOST, port: env.PORT, httpServer: http });
    await app.prepare();
    pages = app.getRequestHandler();
    closePages = () => app.close();
  }

  const allowedHosts = env.ALLOWED_HOSTS ?? defaultAllowedHosts(env.HOST);
  // Last, so the Host check wraps what Socket.IO and Next attached to the server too.
  guardHost(http, allowedHosts, (req) =>
    securityHeaderValues(isAllowedHost(req.headers.host, allowedHosts) ? req.headers.host : undefined, dev),
  );
  if (ctx.writeAccess.kind === "refused") log.warn(ctx.writeAccess.reason);

  // Alone, this node leads at once and has seeded before it answers its first request; a
  // failed seed or feed fails the start.
  if (!redis) await feed.lead();
  // The feed's node announces what the import CLI writes; through the adapter it reaches every viewer.
  const imports = new ImportWatcher(
    ctx,
    instruments,
    (sources) => io.emit("sources", sources),
    () => feed.isRunning,
  );
  await imports.start();
  const elected = () =>
    feed.lead().catch((error: unknown) => {
      log.fatal({ err: error }, "the feed could not start on this node");
      onFatal(new Error(`the feed could not start: ${oneLine(error)}`));
    });
  leadership.start({ elected, demoted: () => feed.follow() });
  const refresher = setInterval(() => {
    if (!feed.isRunning) void market.refresh().catch((error: unknown) => log.error({ err: error }, "refresh failed"));
  }, FOLLOWER_REFRESH_MS);

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(env.PORT, env.HOST, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  boundPort = port;
  log.info({ url, db: store.kind, feed: feed.name, redis: Boolean(redis) }, "Aftershock is listening");

  return {
    url,
    ctx,
    bus,
    isLeader: () => leadership.isLeader(),
    viewers: () => io.of("/").sockets.size,
    queuedBytes: () => [...io.of("/").sockets.values()].reduce((sum, socket) => sum + bufferedFor(socket).bytes, 0),
    async close() {
      clearInterval(refresher);
      await imports.stop();
      await leadership.stop();
      await feed.stop();
      await bus.flush();
      // io.close() also closes the HTTP server, which waits for every open connection:
      // a browser's kept-alive ones would hold the shutdown (and the database) forever.
      const closed = new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      http.closeAllConnections();
      await closed;
      await closePages();
      await redis?.quit().catch(() => undefined);
      await adapterClient?.quit().catch(() => undefined);
      await store.close();
    },
  };
}

function exitLoudly(error: Error): never {
  console.error(`aftershock: ${error.message}`);
  process.exit(1);
}

// A browser on this machine may call the server by either loopback name.
function ownOrigins(host: string, port: number): string[] {
  const hosts = host === "127.0.0.1" || host === "localhost" ? ["127.0.0.1", "localhost"] : [host];
  return hosts.map((h) => `http://${h}:${port}`);
}
