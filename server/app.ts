import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NewsItem } from "../contract/model";
import { KrxCalendar } from "../domain/market/krx-calendar";
import { BENCHMARK, SHIPPED_INSTRUMENTS } from "../domain/instruments";
import { createTagger } from "../domain/tagging/tag-tickers";
import type { Env } from "./config/env";
import { createFeed } from "./feed/create-feed";
import { TickBus } from "./feed/tick-bus";
import { handleApi } from "./http/handle-api";
import { securityHeaders } from "./http/security-headers";
import { createLogger } from "./lib/logger";
import { Signal } from "./lib/signal";
import { MarketState } from "./market/market-state";
import type { AppContext } from "./operations/context";
import { createSocketServer } from "./realtime/socket-server";
import { loadScenario } from "./scenario/load-scenario";
import { seedDatabase } from "./seed/seed-database";
import { openStore } from "./store/open-store";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface StartOptions {
  env: Env;
  /** Serve the Next.js dashboard too (integration tests run the API and sockets alone). */
  withPages?: boolean;
  dev?: boolean;
}

export interface RunningApp {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Wires the parts together and listens: store, seed, feed -> bus -> fan-out, API, pages. */
export async function startApp({ env, withPages = true, dev = false }: StartOptions): Promise<RunningApp> {
  const node = `${os.hostname()}:${process.pid}`;
  const log = createLogger(env.LOG_LEVEL, node);
  const calendar = new KrxCalendar();
  const scenario = env.FEED.startsWith("scenario:") ? await loadScenario(env.FEED.slice("scenario:".length), calendar) : null;
  const store = await openStore(env);
  // A scenario brings its own world; otherwise an empty database gets the shipped one.
  if (!scenario) await seedDatabase(store, SHIPPED_INSTRUMENTS, calendar, env.FEED_SEED, log);

  const bus = new TickBus(store.ticks, log);
  const news = new Signal<NewsItem>();
  const feed = await createFeed(env, { store, bus, calendar, news, log, scenario });
  const instruments = new Map((await store.instruments.list()).map((i) => [i.symbol, i]));
  const market = await MarketState.load(store.ticks, calendar);
  bus.onStored((batch) => market.apply(batch));
  const ctx: AppContext = {
    store,
    calendar,
    instruments,
    benchmark: scenario?.benchmark ?? BENCHMARK,
    tagger: createTagger([...instruments.values()]),
    market,
    news,
    feed,
    node,
    log,
  };

  let pages: RequestHandler | null = null;
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    securityHeaders(res);
    if (url.pathname.startsWith("/api/")) return void handleApi(ctx, req, res, url);
    if (pages) return void pages(req, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  const origins = env.ALLOWED_ORIGINS ?? ownOrigins(env.HOST, env.PORT);
  const io = createSocketServer(http, { ctx, bus, allowedOrigins: origins });

  let closePages = async () => {};
  if (withPages) {
    const { default: next } = await import("next");
    const app = next({ dev, dir: root, hostname: env.HOST, port: env.PORT, httpServer: http });
    await app.prepare();
    pages = app.getRequestHandler();
    closePages = () => app.close();
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(env.PORT, env.HOST, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  if (env.ALLOWED_ORIGINS === undefined && env.PORT === 0) origins.push(...ownOrigins(env.HOST, port));
  feed.start();
  log.info({ url, db: store.kind, feed: feed.name }, "Aftershock is listening");

  return {
    url,
    ctx,
    async close() {
      await feed.stop();
      await bus.flush();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closePages();
      await store.close();
    },
  };
}

// A browser on this machine may call the server by either loopback name.
function ownOrigins(host: string, port: number): string[] {
  const hosts = host === "127.0.0.1" || host === "localhost" ? ["127.0.0.1", "localhost"] : [host];
  return hosts.map((h) => `http://${h}:${port}`);
}
