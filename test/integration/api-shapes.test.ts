import { describe, expect, it } from "vitest";
import type { Health, Instrument, NewsItem } from "../../contract/model";
import { getOk, requestJson } from "../support/http";
import { useTestApp } from "../support/start-test-app";

const app = useTestApp();

describe("GET /api/health", () => {
  it("answers the contract's shape", async () => {
    const answer = await requestJson<Health>(app.url, "/api/health");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    // The contract's fields; new optional fields are allowed (CONTRACT.md: extend, never rename).
    expect(answer.body).toMatchObject({ ok: true, db: "sqlite", feed: "simulate", node: expect.any(String) });
    expect(answer.body.node.length).toBeGreaterThan(0);
  });
});

describe("GET /api/instruments", () => {
  it("lists the shipped universe with the contract's fields, saying which have prices", async () => {
    const instruments = await getOk<Instrument[]>(app.url, "/api/instruments");
    const symbols = instruments.map((i) => i.symbol);
    expect(symbols).toEqual(expect.arrayContaining(["000270.KS", "005380.KS", "005930.KS", "^KS11"]));
    expect(symbols.length).toBeGreaterThanOrEqual(31);
    expect(
      instruments
        .filter((i) => i.hasData)
        .map((i) => i.symbol)
        .sort(),
    ).toEqual(["000270.KS", "005380.KS", "^KS11"]);
    for (const instrument of instruments) {
      expect(instrument).toMatchObject({
        symbol: expect.any(String),
        name: expect.any(String),
        nameKo: expect.any(String),
        exchange: "KRX",
        currency: "KRW",
        timezone: "Asia/Seoul",
      });
    }
  });
});

describe("seeded data", () => {
  it("ships the tariff-talks headline with tickers found by the tagger", async () => {
    const news = await getOk<NewsItem[]>(app.url, "/api/news");
    const shipped = news.find((n) => n.id === "seed-2025-10-22-korea-us-tariff-talks");
    expect(shipped).toBeDefined();
    expect(shipped!.tickers).toEqual(["000270.KS", "005380.KS"]);
    expect(Number.isNaN(Date.parse(shipped!.publishedAt))).toBe(false);
  });

  it("holds simulated history: ticks from seq 1 with the contract's shape", async () => {
    const ticks = await getOk<unknown[]>(app.url, "/api/ticks?symbol=005380.KS&limit=5");
    expect(ticks).toHaveLength(5);
    ticks.forEach((tick, i) => {
      expect(tick).toMatchObject({
        symbol: "005380.KS",
        ts: expect.any(Number),
        price: expect.any(Number),
        size: expect.any(Number),
        seq: i + 1,
      });
    });
  });
});
