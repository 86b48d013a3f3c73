import { readFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsItem } from "../../../contract/model";
import { getOk } from "../../support/http";
import { type TestApp, removeDb, startTestApp, tempDbFile } from "../../support/start-test-app";
import { waitFor } from "../../support/wait-for";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const FEEDS: Record<string, { body: string; type: string }> = {
  "/rss": { body: fixture("rss-namespaces.xml"), type: "application/rss+xml" },
  "/atom": {
    body: readFileSync(new URL("../import/fixtures/feed-atom.xml", import.meta.url), "utf8"),
    type: "application/atom+xml",
  },
};

// A local publisher: ETag and Last-Modified, 304 to a matching conditional request.
let publisher: Server;
let base = "";
const requests: { path: string; ifNoneMatch: string | null; status: number }[] = [];
let honourConditional = true;
let failing = false;

beforeAll(async () => {
  publisher = createServer((req, res) => {
    const feed = FEEDS[req.url ?? ""];
    const ifNoneMatch = req.headers["if-none-match"] ?? null;
    const etag = `"v1-${req.url}"`;
    const status = failing ? 503 : !feed ? 404 : honourConditional && ifNoneMatch === etag ? 304 : 200;
    requests.push({ path: req.url ?? "", ifNoneMatch, status });
    if (status !== 200) return void res.writeHead(status).end();
    res
      .writeHead(200, { "content-type": feed!.type, etag, "last-modified": "Wed, 22 Oct 2025 05:00:00 GMT" })
      .end(feed!.body);
  });
  await new Promise<void>((resolve) => publisher.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => publisher.close(() => resolve())));

const feedNews = (items: NewsItem[]) => items.filter((n) => n.id.startsWith("feed-"));

describe("NEWS_FEEDS", () => {
  const dbFile = tempDbFile();
  let app: TestApp | undefined;

  afterAll(async () => {
    await app?.close();
    await removeDb(dbFile);
  });

  it("polls RSS and Atom feeds, tags and stores their items once, with conditional requests", async () => {
    app = await startTestApp({ dbFile, env: { NEWS_FEEDS: `${base}/rss,${base}/atom`, NEWS_POLL_SECONDS: "1" } });
    const items = await waitFor("the feeds' items", async () => {
      const list = feedNews(await getOk<NewsItem[]>(app!.url, "/api/news?limit=200"));
      return list.length >= 5 ? list : null;
    });
    const samsung = items.find((n) => n.headline.startsWith("삼성전자가"));
    expect(samsung).toMatchObject({
      tickers: ["005930.KS"],
      source: "Seoul Wire & Markets",
      url: "https://wire.example.kr/a/1001",
      publishedAt: "2025-10-22T04:07:00.000Z",
    });
    expect(samsung!.body).not.toMatch(/<|alert/);
    expect(items.find((n) => n.headline.startsWith("Kia Corp"))?.tickers).toEqual(["000270.KS", "005380.KS"]);
    expect(items.find((n) => n.headline === "Bank of Korea holds rates")?.tickers).toEqual([]);

    // The next polls are conditional and answered 304: nothing is stored twice.
    await waitFor("a 304 for each feed", () =>
      ["/rss", "/atom"].every((p) => requests.some((r) => r.path === p && r.status === 304)),
    );
    expect(requests.find((r) => r.path === "/rss" && r.status === 304)?.ifNoneMatch).toBe('"v1-/rss"');
    const again = feedNews(await getOk<NewsItem[]>(app.url, "/api/news?limit=200"));
    expect(again.map((n) => n.id).sort()).toEqual(items.map((n) => n.id).sort());
  });

  it("stores nothing twice after a restart, even when the publisher ignores conditional requests", async () => {
    const before = feedNews(await getOk<NewsItem[]>(app!.url, "/api/news?limit=200")).length;
    await app!.close();
    honourConditional = false;
    const served = requests.length;
    app = await startTestApp({ dbFile, env: { NEWS_FEEDS: `${base}/rss,${base}/atom`, NEWS_POLL_SECONDS: "1" } });
    await waitFor(
      "two full polls after the restart",
      () => requests.slice(served).filter((r) => r.status === 200).length >= 4,
    );
    expect(feedNews(await getOk<NewsItem[]>(app.url, "/api/news?limit=200"))).toHaveLength(before);
  });

  it("backs off while a feed fails and keeps serving", async () => {
    failing = true;
    const served = requests.length;
    await waitFor("failed polls", () => requests.slice(served).filter((r) => r.status === 503).length >= 2, {
      timeoutMs: 30_000,
    });
    const health = await getOk<{ ok: boolean }>(app!.url, "/api/health");
    expect(health.ok).toBe(true);
    failing = false;
  });

  it("doubles the wait after each failure in a row, and resets it after a success", async () => {
    const { createLogger } = await import("../../../server/lib/logger");
    const { Signal } = await import("../../../server/lib/signal");
    const { FeedPoller } = await import("../../../server/news-feeds/feed-poller");
    const stored: NewsItem[] = [];
    const store = {
      insert: async (item: NewsItem) => (stored.some((s) => s.id === item.id) ? false : (stored.push(item), true)),
    };
    const poller = new FeedPoller({
      urls: [`${base}/missing`, `${base}/rss`],
      intervalMs: 1000,
      store: store as never,
      tag: () => [],
      news: new Signal<NewsItem>(),
      log: createLogger("silent", "test"),
    });
    expect((await poller.poll(`${base}/missing`)).status).toBe("failed");
    expect(poller.delayOf(`${base}/missing`)).toBe(2000);
    await poller.poll(`${base}/missing`);
    expect(poller.delayOf(`${base}/missing`)).toBe(4000);
    expect(await poller.poll(`${base}/rss`)).toEqual({ status: "new", added: 3, duplicates: 0 });
    expect(poller.delayOf(`${base}/rss`)).toBe(1000);
    expect(await poller.poll(`${base}/rss`)).toMatchObject({ added: 0 });
  });
});
