import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsItem } from "../../contract/model";
import { type TestSocket, connectClient } from "../support/connect-client";
import { getOk, postJson } from "../support/http";
import { useTestApp } from "../support/start-test-app";
import { withTimeout } from "../support/wait-for";

const app = useTestApp({ env: { FEED: "off" } });
let socket: TestSocket;

beforeAll(async () => {
  socket = await connectClient(app.url);
});

afterAll(async () => {
  socket?.close();
});

const headline = (overrides: Record<string, unknown> = {}) => ({
  headline: "Carmaker raises full-year guidance",
  body: "Kia Corp said on Thursday that its operating margin beat forecasts.",
  publishedAt: "2025-10-23T10:15:00+09:00",
  source: "Aftershock test desk",
  url: "https://example.com/news/1",
  ...overrides,
});

describe("POST /api/news", () => {
  it("stores a headline, tags the ticker named in its body and pushes it to connected clients", async () => {
    const pushed = withTimeout("the `news` event", new Promise<NewsItem>((resolve) => socket.once("news", resolve)));
    const answer = await postJson<NewsItem>(app.url, "/api/news", headline());
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: expect.any(String),
      publishedAt: "2025-10-23T01:15:00.000Z",
      headline: "Carmaker raises full-year guidance",
      body: "Kia Corp said on Thursday that its operating margin beat forecasts.",
      source: "Aftershock test desk",
      url: "https://example.com/news/1",
      tickers: ["000270.KS"],
    });
    expect(await pushed).toEqual(answer.body);
  });

  it("keeps given tickers and adds the tagged ones, without duplicates", async () => {
    const answer = await postJson<NewsItem>(
      app.url,
      "/api/news",
      headline({ body: "Hyundai Motor and Kia Corp both gained.", tickers: ["^KS11", "005380.KS"], url: null }),
    );
    expect(answer.status).toBe(201);
    expect([...answer.body.tickers].sort()).toEqual(["000270.KS", "005380.KS", "^KS11"]);
    expect(answer.body.url).toBeNull();
  });
});

describe("GET /api/news", () => {
  const posted: NewsItem[] = [];

  beforeAll(async () => {
    const items = [
      headline({
        headline: "Hyundai early",
        body: "Hyundai Motor opened higher.",
        publishedAt: "2025-10-24T09:05:00+09:00",
      }),
      headline({ headline: "Kia late", body: "Kia Corp closed lower.", publishedAt: "2025-10-24T15:20:00+09:00" }),
      headline({
        headline: "Hyundai midday",
        body: "Hyundai Motor traded flat.",
        publishedAt: "2025-10-24T12:00:00+09:00",
      }),
    ];
    for (const item of items) {
      const answer = await postJson<NewsItem>(app.url, "/api/news", item);
      expect(answer.status).toBe(201);
      posted.push(answer.body);
    }
  });

  it("answers newest first", async () => {
    const news = await getOk<NewsItem[]>(app.url, "/api/news");
    const times = news.map((n) => Date.parse(n.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(news.slice(0, 3).map((n) => n.headline)).toEqual(["Kia late", "Hyundai midday", "Hyundai early"]);
    // Every posted item and the shipped one are there.
    for (const item of posted) expect(news).toContainEqual(item);
    expect(news.some((n) => n.id === "seed-2025-10-22-korea-us-tariff-talks")).toBe(true);
  });

  it("filters by symbol", async () => {
    const news = await getOk<NewsItem[]>(app.url, "/api/news?symbol=005380.KS");
    expect(news.length).toBeGreaterThan(0);
    for (const item of news) expect(item.tickers).toContain("005380.KS");
    expect(news.map((n) => n.headline)).toEqual(expect.arrayContaining(["Hyundai midday", "Hyundai early"]));
    expect(news.map((n) => n.headline)).not.toContain("Kia late");
  });

  it("filters by time range and limits", async () => {
    const range = await getOk<NewsItem[]>(
      app.url,
      `/api/news?from=${encodeURIComponent("2025-10-24T00:00:00Z")}&to=${Date.parse("2025-10-24T06:20:00Z")}`,
    );
    expect(range.map((n) => n.headline)).toEqual(["Kia late", "Hyundai midday", "Hyundai early"]);
    const limited = await getOk<NewsItem[]>(app.url, "/api/news?limit=1");
    expect(limited.map((n) => n.headline)).toEqual(["Kia late"]);
  });
});
