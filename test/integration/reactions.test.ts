import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsItem, Reaction, Tick } from "../../contract/model";
import { getOk, requestJson } from "../support/http";
import { type TestApp, removeDb, startTestApp } from "../support/start-test-app";

const SEED = "seed-2025-10-22-korea-us-tariff-talks";
const MIN = 60_000;
const kst = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+09:00`);

async function allTicks(app: TestApp, symbol: string, from: number, to: number): Promise<Tick[]> {
  const out: Tick[] = [];
  for (let after = 0; ;) {
    const page = await getOk<Tick[]>(
      app.url,
      `/api/ticks?symbol=${encodeURIComponent(symbol)}&from=${from}&to=${to}&afterSeq=${after}&limit=10000`,
    );
    out.push(...page);
    if (page.length < 10_000) return out;
    after = page.at(-1)!.seq;
  }
}

/** Last price at or before `t`, worked out here from the raw ticks (ascending by time). */
function priceAt(ticks: readonly Tick[], t: number): number {
  let lo = 0;
  let hi = ticks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ticks[mid]!.ts <= t) lo = mid + 1;
    else hi = mid;
  }
  return ticks[lo - 1]!.price;
}

// The reaction to the shipped headline, recomputed by this test from /api/ticks alone
// (plain loops and the closed-form OLS), then compared with /api/reactions.
describe("reactions", () => {
  let app: TestApp;
  let reactions: Reaction[];

  beforeAll(async () => {
    app = await startTestApp({ env: { FEED: "off" } });
    reactions = await getOk<Reaction[]>(app.url, `/api/reactions?newsId=${SEED}`);
  });
  afterAll(async () => {
    await app.close();
    await removeDb(app.dbFile);
  });

  it("answers one positive reaction per ticker of the shipped headline", async () => {
    const item = (await getOk<NewsItem[]>(app.url, "/api/news")).find((n) => n.id === SEED)!;
    expect(reactions.map((r) => r.symbol)).toEqual(item.tickers);
    for (const r of reactions) {
      expect(r.returns["15m"]).toBeGreaterThan(0);
      expect(r.abnormal!.car).toBeGreaterThan(0);
    }
  });

  it("agrees with returns, peak and drawdown computed from /api/ticks", async () => {
    const t0 = kst("2025-10-22", "13:07");
    for (const r of reactions) {
      const ticks = await allTicks(app, r.symbol, kst("2025-10-22", "09:00"), kst("2025-10-22", "15:30"));
      // The last print strictly before t0: a print at t0 itself can already carry the news.
      const pre = priceAt(ticks, t0 - 1);
      expect(r.t0).toBe(new Date(t0).toISOString());
      expect(r.preEventPrice).toBe(pre);
      for (const [key, minutes] of [
        ["1m", 1],
        ["5m", 5],
        ["15m", 15],
        ["30m", 30],
        ["60m", 60],
      ] as const) {
        expect(r.returns[key]).toBeCloseTo(priceAt(ticks, t0 + minutes * MIN) / pre - 1, 12);
      }
      expect(r.returns.close).toBeCloseTo(ticks.at(-1)!.price / pre - 1, 12);
      expect(r.returns.nextClose).toBeNull();
      const window = ticks.filter((x) => x.ts >= t0 && x.ts <= t0 + 60 * MIN);
      const moves = window.map((x) => x.price / pre - 1);
      const peak = moves.reduce((best, m) => (Math.abs(m) > Math.abs(best) ? m : best), 0);
      expect(r.peakMove).toBeCloseTo(peak, 12);
      let high = pre;
      let drawdown = 0;
      for (const x of window) {
        high = Math.max(high, x.price);
        drawdown = Math.min(drawdown, x.price / high - 1);
      }
      expect(r.maxDrawdown).toBeCloseTo(drawdown, 12);
    }
  });

  it("agrees with a market model fitted here on the three sessions before", async () => {
    const days = ["2025-10-17", "2025-10-20", "2025-10-21"];
    const bench = await allTicks(app, "^KS11", kst(days[0]!, "09:00"), kst("2025-10-22", "15:30"));
    for (const r of reactions) {
      const stock = await allTicks(app, r.symbol, kst(days[0]!, "09:00"), kst("2025-10-22", "15:30"));
      const xs: number[] = [];
      const ys: number[] = [];
      for (const day of days) {
        for (let t = kst(day, "09:02"); t <= kst(day, "15:30"); t += MIN) {
          xs.push(priceAt(bench, t) / priceAt(bench, t - MIN) - 1);
          ys.push(priceAt(stock, t) / priceAt(stock, t - MIN) - 1);
        }
      }
      const n = xs.length;
      const mx = xs.reduce((a, b) => a + b, 0) / n;
      const my = ys.reduce((a, b) => a + b, 0) / n;
      const beta = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      const alpha = my - beta * mx;
      expect(r.estimation!.n).toBe(n);
      expect(r.abnormal!.beta).toBeCloseTo(beta, 9);
      expect(r.abnormal!.alpha).toBeCloseTo(alpha, 12);
      const t0 = kst("2025-10-22", "13:07");
      let car = 0;
      for (let k = 1; k <= 60; k++) {
        const a = k === 1 ? t0 - 1 : t0 + (k - 1) * MIN;
        const b = t0 + k * MIN;
        car += priceAt(stock, b) / priceAt(stock, a) - 1 - (alpha + beta * (priceAt(bench, b) / priceAt(bench, a) - 1));
      }
      expect(r.abnormal!.car).toBeCloseTo(car, 9);
    }
  });

  it("answers the reaction as it stood at an earlier time (a replay's clock)", async () => {
    const asOf = kst("2025-10-22", "13:17");
    const then = await getOk<Reaction[]>(app.url, `/api/reactions?newsId=${SEED}&asOf=${asOf}`);
    for (const [i, r] of then.entries()) {
      expect(r.returns["5m"]).toBe(reactions[i]!.returns["5m"]);
      expect(r.returns["15m"]).toBeNull();
      expect(r.returns.close).toBeNull();
      expect(r.eventWindow.minutes).toBe(10);
    }
    const bad = await requestJson(app.url, `/api/reactions?newsId=${SEED}&asOf=2025-02-31`);
    expect(bad.status).toBe(400);
  });

  it("says the same in CSV as in JSON", async () => {
    const res = await fetch(`${app.url}/api/reactions.csv?newsId=${SEED}`);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = (await res.text()).trim().split("\n");
    const columns = header!.split(",");
    for (const [i, r] of reactions.entries()) {
      const cells = Object.fromEntries(rows[i]!.split(",").map((v, c) => [columns[c], v]));
      expect(cells.symbol).toBe(r.symbol);
      expect(Number(cells.return_15m)).toBe(r.returns["15m"]);
      expect(Number(cells.car)).toBe(r.abnormal!.car);
      expect(cells.return_nextClose).toBe("");
    }
  });

  it("answers 404 for an unknown headline and 400 for a malformed id", async () => {
    for (const path of ["/api/reactions?newsId=nope", "/api/reactions.csv?newsId=nope"]) {
      const answer = await requestJson(app.url, path);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: "not_found" } });
    }
    for (const query of ["", "?newsId=", "?newsId=%3Cscript%3E", `?newsId=${"x".repeat(200)}`, "?newsId=a&newsId=b"]) {
      const answer = await requestJson(app.url, `/api/reactions${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: "bad_request" } });
    }
  });
});
