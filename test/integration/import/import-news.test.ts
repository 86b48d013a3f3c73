import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { NewsItem } from "../../../contract/model";
import { SHIPPED_INSTRUMENTS } from "../../../domain/instruments";
import { importNews } from "../../../server/import/import-news";
import type { Store } from "../../../server/store/store";
import { fixture, tempStoreEachTest } from "./temp-store";

let store: Store;
tempStoreEachTest(async (s) => {
  store = s;
  // As the server leaves it after its first start.
  await store.instruments.upsert(SHIPPED_INSTRUMENTS);
});

const stored = async (): Promise<NewsItem[]> => store.news.find({ limit: 100 });
const byHeadline = (items: NewsItem[], start: string): NewsItem => {
  const item = items.find((i) => i.headline.startsWith(start));
  if (!item) throw new Error(`no stored headline starting with ${start}: ${items.map((i) => i.headline).join(" | ")}`);
  return item;
};
const MARKUP = /<\s*\/?\s*[a-z!]/i;

describe("RSS 2.0", () => {
  it("stores plain text (tags stripped, script dropped, entities decoded), tags tickers, reports rejects", async () => {
    const summary = await importNews(store, fixture("feed-rss.xml"));
    expect(summary).toEqual({
      format: "rss",
      items: 6,
      added: 2,
      // The Kia story appears twice in the feed.
      duplicates: 1,
      rejected: [
        { item: 3, reason: "no publish date that parses" },
        { item: 4, reason: "no publish date that parses" },
        { item: 5, reason: expect.stringMatching(/^headline:/) },
      ],
    });
    const items = await stored();
    const kia = byHeadline(items, "Kia Corp lifts guidance");
    expect(kia).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      publishedAt: "2025-10-22T04:07:00.000Z",
      headline: "Kia Corp lifts guidance as US tariff deal nears",
      body: "Shares of Kia Corp rose & outpaced the market.\n\nAnalysts called it “a relief rally”.",
      source: "Seoul Markets & Autos Desk",
      url: "https://news.example.com/kia-guidance?ref=rss&utm=1",
      tickers: ["000270.KS"],
    });
    expect(kia.body).not.toContain("pwned");

    const hyundai = byHeadline(items, "Hyundai Motor");
    expect(hyundai.body).toBe("Hyundai Motor gained 3%.");
    // A javascript: link is not kept.
    expect(hyundai.url).toBeNull();
    expect(hyundai.tickers).toEqual(["005380.KS"]);
    for (const item of items) {
      expect(item.body).not.toMatch(MARKUP);
      expect(item.headline).not.toMatch(MARKUP);
      expect(item.body).not.toMatch(/document\.cookie|alert|color:red|onerror/);
    }
  });

  it("counts everything as already there on a second import", async () => {
    await importNews(store, fixture("feed-rss.xml"));
    const again = await importNews(store, fixture("feed-rss.xml"));
    expect(again).toMatchObject({ added: 0, duplicates: 3 });
    expect(await store.news.count()).toBe(2);
  });
});

describe("Atom", () => {
  it("reads XHTML and HTML content as plain text, prefers the alternate link and the published date", async () => {
    const summary = await importNews(store, fixture("feed-atom.xml"));
    expect(summary).toEqual({ format: "atom", items: 2, added: 2, duplicates: 0, rejected: [] });
    const items = await stored();
    const kospi = byHeadline(items, "KOSPI closes");
    expect(kospi).toMatchObject({
      publishedAt: "2025-10-23T06:35:00.000Z",
      source: "Korea Economy Wire",
      url: "https://wire.example.org/stories/kospi-record",
      body:
        "The KOSPI ended at a record as Kia Motors and Hyundai Motor Company led gains.\n\n" +
        "Turnover was heavy — 1.2× the 20-day average.",
      tickers: ["000270.KS", "005380.KS", "^KS11"],
    });
    expect(kospi.body).not.toMatch(/fetch|evil|cookie/);
    // "Hyundai Motor Group" is the conglomerate: the tagger names no listed ticker.
    const group = byHeadline(items, "Hyundai Motor Group");
    expect(group).toMatchObject({ publishedAt: "2025-10-22T22:00:00.000Z", tickers: [] });
  });
});

describe("JSON", () => {
  it("validates each item like POST /api/news and keeps given tickers next to tagged ones", async () => {
    const summary = await importNews(store, fixture("news.json"));
    expect(summary).toEqual({
      format: "json",
      items: 6,
      added: 2,
      duplicates: 0,
      rejected: [
        { item: 3, reason: expect.stringMatching(/^source:/) },
        { item: 4, reason: "tickers: unknown symbol 999990.KS" },
        { item: 5, reason: "url: expected an http(s) URL" },
        { item: 6, reason: expect.stringMatching(/^input:/) },
      ],
    });
    const items = await stored();
    expect(byHeadline(items, "Kia Corp and Hyundai").tickers).toEqual(["000270.KS", "005380.KS"]);
    expect(byHeadline(items, "KOSPI opens flat")).toMatchObject({
      tickers: ["^KS11"],
      url: null,
      publishedAt: "2025-10-24T00:00:00.000Z",
    });
    expect((await importNews(store, fixture("news.json"))).duplicates).toBe(2);
  });

  it("refuses anything that is not an array of items", async () => {
    await expect(importNews(store, fixture("yahoo-daily.csv"))).rejects.toThrow(/not a news file/);
    await expect(importNews(store, fixture("missing.json"))).rejects.toThrow(/file not found/);
  });
});

describe("fetching a feed URL", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  // A local server stands in for the publisher: there is no internet here.
  async function serve(status: number, body: string | Buffer): Promise<string> {
    server = createServer((_req, res) => {
      res.writeHead(status, { "content-type": "application/rss+xml" });
      res.end(body);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  }

  it("imports what the URL serves", async () => {
    const { readFile } = await import("node:fs/promises");
    const url = await serve(200, await readFile(fixture("feed-rss.xml")));
    expect(await importNews(store, url)).toMatchObject({ format: "rss", added: 2 });
  });

  it("fails on an error status, a body over 5 MB, and a scheme other than http(s)", async () => {
    await expect(importNews(store, await serve(404, "gone"))).rejects.toThrow(/answered HTTP 404/);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    await expect(importNews(store, await serve(200, Buffer.alloc(5_000_001, 32)))).rejects.toThrow(/larger than 5 MB/);
    await expect(importNews(store, "file:///etc/passwd")).rejects.toThrow(/only http\(s\) URLs/);
  });
});
