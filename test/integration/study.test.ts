import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsItem, Reaction, Study } from "../../contract/model";
import { getOk, postJson, requestJson } from "../support/http";
import { type TestApp, removeDb, startTestApp } from "../support/start-test-app";

const SEED = "seed-2025-10-22-korea-us-tariff-talks";
const at = (day: string, hhmm: string) => `2025-10-${day}T${hhmm}:00+09:00`;

// Headlines over the seeded history (16–22 Oct 2025), each chosen for one outcome:
// key, day, time (KST), headline, outcome.
const POSTS = (
  [
    ["a", "21", "10:00", "Tariff talks resume in Washington", "included"],
    ["b", "21", "11:30", "Hyundai Motor tariff relief hopes grow", "included"],
    ["c", "21", "11:45", "Analysts weigh tariff scenarios for carmakers", "confounded"],
    ["d", "22", "09:30", "현대차, 관세 협상 기대감에 상승", "included"],
    ["e", "16", "10:00", "Tariff deadline looms", "short estimation"],
    ["f", "22", "15:00", "Late tariff headline before the close", "data short"],
    ["g", "21", "14:00", "Chip exports climb", "not matched"],
  ] as const
).map(([key, day, hhmm, headline, outcome]) => ({ key, publishedAt: at(day, hhmm), headline, outcome }));

describe("GET /api/study", () => {
  let app: TestApp;
  const ids = new Map<string, string>();
  let study: Study;

  beforeAll(async () => {
    app = await startTestApp({ env: { FEED: "off" } });
    for (const p of POSTS) {
      const res = await postJson<NewsItem>(app.url, "/api/news", {
        headline: p.headline,
        body: p.key === "d" ? "관세 인하 기대" : "Shares of 005380.KS moved.",
        publishedAt: p.publishedAt,
        source: "test wire",
        tickers: ["005380.KS"],
      });
      expect(res.status).toBe(201);
      ids.set(p.key, res.body.id);
    }
    study = await getOk<Study>(
      app.url,
      `/api/study?symbol=005380.KS&q=${encodeURIComponent("tariff OR 관세")}&source=${encodeURIComponent("test wire")}`,
    );
  });
  afterAll(async () => {
    await app.close();
    await removeDb(app.dbFile);
  });

  it("picks the matching headlines, English and Korean, and says why each left-out one is out", () => {
    const byId = new Map(study.events.map((e) => [e.newsId, e]));
    expect(byId.has(ids.get("g")!)).toBe(false);
    expect(byId.has(SEED)).toBe(false); // another source
    for (const key of ["a", "b", "d"]) expect(byId.get(ids.get(key)!)!.included).toBe(true);
    expect(byId.get(ids.get("c")!)!.reason).toBe(
      `confounded by ${ids.get("b")} (15 min earlier; the earlier one is kept)`,
    );
    expect(byId.get(ids.get("e")!)!.reason).toMatch(/^estimation window too short: 0 returns/);
    expect(byId.get(ids.get("f")!)!.reason).toBe("data does not reach the window: nothing at +31m");
    expect(study.n).toBe(3);
    expect(study.symbol).toBe("005380.KS");
    expect(study.resolution).toBe("intraday");
    expect(study.benchmark).toBe("^KS11");
    expect(study.events.map((e) => e.t0)).toEqual([...study.events.map((e) => e.t0)].sort());
  });

  it("uses the reaction card's numbers: each event's 60m CAR is its reaction's CAR", async () => {
    for (const key of ["a", "b", "d"]) {
      const [reaction] = await getOk<Reaction[]>(app.url, `/api/reactions?newsId=${ids.get(key)}`);
      const event = study.events.find((e) => e.newsId === ids.get(key))!;
      expect(event.cars["60m"]).toBeCloseTo(reaction!.abnormal!.car, 12);
      expect(event.returns["15m"]).toBeCloseTo(reaction!.returns["15m"]!, 12);
      expect(event.returns["60m"]).toBeCloseTo(reaction!.returns["60m"]!, 12);
    }
  });

  it("pools the CARs: CAAR is their mean, the path ends at it, positives are counted", () => {
    const included = study.events.filter((e) => e.included);
    for (const w of study.windows) {
      const cars = included.map((e) => e.cars[w.window]!);
      expect(w.caar).toBeCloseTo(cars.reduce((a, b) => a + b, 0) / cars.length, 12);
      expect(w.positive).toBe(cars.filter((c) => c > 0).length);
      for (const test of Object.values(w.tests)) {
        expect(Number.isFinite(test.statistic)).toBe(true);
        expect(test.pValue).toBeGreaterThanOrEqual(0);
        expect(test.pValue).toBeLessThanOrEqual(1);
      }
    }
    expect(study.windows.map((w) => w.window)).toEqual(["1m", "5m", "15m", "30m", "60m"]);
    expect(study.path).toHaveLength(61);
    expect(study.path.at(-1)!.caar).toBeCloseTo(study.windows.at(-1)!.caar!, 12);
    for (const p of study.path.slice(1)) expect(p.lo!).toBeLessThanOrEqual(p.hi!);
  });

  it("studies an explicit list of news ids and a date range", async () => {
    const list = await getOk<Study>(app.url, `/api/study?symbol=005380.KS&newsIds=${ids.get("a")},${ids.get("d")}`);
    expect(list.events.map((e) => e.newsId)).toEqual([ids.get("a"), ids.get("d")]);
    const ranged = await getOk<Study>(
      app.url,
      `/api/study?symbol=005380.KS&q=tariff&from=${encodeURIComponent(at("21", "00:00"))}&to=${encodeURIComponent(at("21", "23:59"))}`,
    );
    expect(ranged.events.map((e) => e.newsId).sort()).toEqual([ids.get("a"), ids.get("b"), ids.get("c")].sort());
  });

  it("answers the same events as CSV", async () => {
    const res = await fetch(
      `${app.url}/api/study.csv?symbol=005380.KS&q=${encodeURIComponent("tariff OR 관세")}&source=${encodeURIComponent("test wire")}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe(
      "newsId,t0,included,reason,return_1m,abnormal_1m,return_5m,abnormal_5m,return_15m,abnormal_15m,return_30m,abnormal_30m,return_60m,abnormal_60m,headline",
    );
    expect(lines).toHaveLength(study.events.length + 1);
    const a = study.events.find((e) => e.newsId === ids.get("a"))!;
    const row = lines.find((l) => l.startsWith(`${a.newsId},`))!.split(",");
    expect(row[2]).toBe("true");
    expect(Number(row[13])).toBeCloseTo(a.cars["60m"]!, 12);
  });

  it("answers 404 for an unknown symbol and 400 naming the field and value for malformed ones", async () => {
    const unknown = await requestJson<{ error: { code: string; message: string } }>(
      app.url,
      "/api/study?symbol=999999.KS",
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("999999.KS");
    for (const [query, field, value] of [
      ["symbol=005380.KS&resolution=weekly", "resolution", "weekly"],
      ["symbol=005380.KS&from=yesterday", "from", "yesterday"],
      ["symbol=005380.KS&newsIds=a,b%20c", "newsIds", "a,b c"],
      ["symbol=not%20a%20symbol", "symbol", "not a symbol"],
    ] as const) {
      const res = await requestJson<{ error: { code: string; message: string } }>(app.url, `/api/study?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
      expect(res.body.error.message).toContain(field);
      expect(res.body.error.message).toContain(`"${value}"`);
    }
  });
});
