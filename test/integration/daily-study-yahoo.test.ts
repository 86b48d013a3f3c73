import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Candle, NewsItem, Reaction, Study } from "../../contract/model";
import { dailyReactionSchema, reactionResolutionSchema } from "../../contract/schemas";
import { getOk, postJson } from "../support/http";
import { type TestApp, removeDb, startTestApp, tempDbFile } from "../support/start-test-app";
import { runImportCli } from "./import/temp-store";

// Real Yahoo Finance daily history of Hyundai Motor and KOSPI (test/fixtures/yahoo), imported
// with the CLI into a fresh database; a real server on it; the 8 Jan 2021 report that Hyundai
// was in talks with Apple on an electric car posted before the open. The daily study is then
// recomputed here from the daily candles the server answers (plain loops, closed-form OLS).
const here = path.dirname(fileURLToPath(import.meta.url));
const yahoo = (name: string) => path.resolve(here, "../fixtures/yahoo", name);
const HEADLINE = {
  headline: "Hyundai Motor in talks with Apple on electric car, shares jump",
  body: "Hyundai Motor said on Friday it was in early talks with Apple on a partnership for self-driving electric cars.",
  publishedAt: "2021-01-08T08:30:00+09:00",
  source: "integration test",
  tickers: ["005380.KS"],
};

// Further dated Hyundai Motor news within the fixture, each on its KRX trading day (day 0 is
// that day whether it landed before the open or in the session): the first-, second- and
// third-quarter 2020 results (23 Apr, 23 Jul, 26 Oct 2020), the group naming Euisun Chung
// chairman (14 Oct 2020), and Hyundai's filing that it was not in talks with Apple (8 Feb 2021).
const MORE_NEWS = [
  ["2020-04-23T08:00:00+09:00", "Hyundai Motor reports first-quarter 2020 results"],
  ["2020-07-23T08:00:00+09:00", "Hyundai Motor reports second-quarter 2020 results"],
  ["2020-10-14T08:00:00+09:00", "Hyundai Motor Group names Euisun Chung chairman"],
  ["2020-10-26T08:00:00+09:00", "Hyundai Motor reports third-quarter 2020 results"],
  ["2021-02-08T08:00:00+09:00", "Hyundai Motor says it is not in talks with Apple on autonomous vehicles"],
] as const;

interface Bar {
  day: string;
  close: number;
  volume: number;
}
const dayOf = (c: Candle) => new Date(c.time * 1000 + 9 * 3_600_000).toISOString().slice(0, 10);

/** The daily bars the server answers for `symbol` over the fixture's span. */
async function dailyBars(url: string, symbol: string): Promise<Bar[]> {
  const path = `/api/candles?symbol=${encodeURIComponent(symbol)}&interval=1d&from=2019-11-01T00:00:00Z&to=2021-03-01T00:00:00Z`;
  const candles = await getOk<Candle[]>(url, path);
  return candles.map((c) => ({ day: dayOf(c), close: c.close, volume: c.volume }));
}

describe("daily event study on real Yahoo history (005380.KS, ^KS11, Jan 2021)", () => {
  let app: TestApp;
  let dbFile: string;
  let reaction: Reaction;
  let csv: string;

  beforeAll(async () => {
    dbFile = tempDbFile();
    for (const [symbol, file] of [
      ["^KS11", "KS11.csv"],
      ["005380.KS", "005380.KS.csv"],
    ] as const) {
      const run = await runImportCli(["--symbol", symbol, yahoo(file)], dbFile);
      expect(run.code, run.stderr).toBe(0);
    }
    app = await startTestApp({ dbFile, env: { FEED: "off" } });
    const posted = await postJson(app.url, "/api/news", HEADLINE);
    expect(posted.status).toBe(201);
    const item = posted.body as NewsItem;
    const reactions = await getOk<Reaction[]>(app.url, `/api/reactions?newsId=${item.id}`);
    reaction = reactions.find((r) => r.symbol === "005380.KS")!;
    csv = await (await fetch(`${app.url}/api/reactions.csv?newsId=${item.id}`)).text();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await removeDb(dbFile);
  });

  it("answers at daily resolution with every intraday window null, never 0", () => {
    expect(reaction.resolution).toBe("daily");
    expect(reactionResolutionSchema.parse(reaction.resolution)).toBe("daily");
    expect(() => dailyReactionSchema.parse(reaction.daily)).not.toThrow();
    for (const w of ["1m", "5m", "15m", "30m", "60m"] as const) expect(reaction.returns[w]).toBeNull();
    expect(reaction.abnormal).toBeNull();
    expect(reaction.peakMove).toBeNull();
    expect(reaction.timeToPeakMs).toBeNull();
    expect(reaction.maxDrawdown).toBeNull();
    expect(reaction.intradayReason).toMatch(/daily bars/);
  });

  it("measures day 0 (8 Jan 2021) from the 206,000 close of 7 Jan: +19.42%", () => {
    const daily = reaction.daily!;
    expect(daily.eventDay).toBe("2021-01-08");
    expect(daily.baseDay).toBe("2021-01-07");
    expect(daily.basePrice).toBe(206_000);
    expect(reaction.preEventPrice).toBe(206_000);
    const day0 = daily.windows.find((w) => w.window === "0")!;
    expect(day0.return).toBeCloseTo(246_000 / 206_000 - 1, 12);
    expect((day0.return! * 100).toFixed(2)).toBe("19.42");
    expect(reaction.returns.close).toBe(day0.return);
  });

  it("agrees with a market model and CARs recomputed here from the daily candles", async () => {
    const [stock, bench] = [await dailyBars(app.url, "005380.KS"), await dailyBars(app.url, "^KS11")];
    // KOSPI trades every KRX trading day of the slice: its days are the trading calendar.
    const days = bench.map((b) => b.day);
    const s = new Map(stock.map((b) => [b.day, b]));
    const m = new Map(bench.map((b) => [b.day, b]));
    const i0 = days.indexOf("2021-01-08");
    expect(i0).toBeGreaterThan(260);
    const at = (k: number) => days[i0 + k]!;
    const xs: number[] = [];
    const ys: number[] = [];
    const volumes: number[] = [];
    for (let k = -260; k <= -11; k++) {
      const [s0, s1, m0, m1] = [s.get(at(k - 1)), s.get(at(k)), m.get(at(k - 1)), m.get(at(k))];
      if (s1) volumes.push(s1.volume);
      if (!s0 || !s1 || !m0 || !m1) continue;
      xs.push(m1.close / m0.close - 1);
      ys.push(s1.close / s0.close - 1);
    }
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    const beta = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const alpha = my - beta * mx;
    const sd = Math.sqrt(xs.reduce((a, x, i) => a + (ys[i]! - alpha - beta * x) ** 2, 0) / (n - 2));

    const daily = reaction.daily!;
    expect(daily.model).toMatchObject({ n, from: "2019-12-18", to: "2020-12-21" });
    expect(daily.model!.alpha).toBeCloseTo(alpha, 12);
    expect(daily.model!.beta).toBeCloseTo(beta, 10);
    expect(daily.model!.residualSd).toBeCloseTo(sd, 12);
    for (const [window, first, last] of [
      ["0", 0, 0],
      ["-1..1", -1, 1],
      ["0..1", 0, 1],
      ["0..5", 0, 5],
      ["0..20", 0, 20],
    ] as const) {
      const w = daily.windows.find((x) => x.window === window)!;
      let car = 0;
      for (let k = first; k <= last; k++)
        car +=
          s.get(at(k))!.close / s.get(at(k - 1))!.close -
          1 -
          (alpha + beta * (m.get(at(k))!.close / m.get(at(k - 1))!.close - 1));
      expect(w.return, window).toBeCloseTo(s.get(at(last))!.close / s.get(at(first - 1))!.close - 1, 12);
      expect(w.abnormal, window).toBeCloseTo(car, 10);
      expect(w.tStat, window).toBeCloseTo(car / (sd * Math.sqrt(last - first + 1)), 8);
    }
    const day0 = daily.windows[0]!;
    // A day-0 abnormal return in the mid-teens, which the t-statistic calls significant.
    expect(day0.abnormal!).toBeGreaterThan(0.12);
    expect(day0.abnormal!).toBeLessThan(0.18);
    expect(day0.tStat!).toBeGreaterThan(1.96);
    const meanVolume = volumes.reduce((a, b) => a + b, 0) / volumes.length;
    expect(daily.volumeSurge).toBeCloseTo(19_933_702 / meanVolume, 9);
    console.log(
      `005380.KS 2021-01-08: return ${(day0.return! * 100).toFixed(2)}%, CAR ${(day0.abnormal! * 100).toFixed(2)}%, t ${day0.tStat!.toFixed(2)}, ` +
        `alpha ${daily.model!.alpha.toFixed(5)}, beta ${daily.model!.beta.toFixed(3)}, sd ${daily.model!.residualSd.toFixed(4)}, n ${n}, ` +
        `volume surge ${daily.volumeSurge!.toFixed(2)}; windows ${daily.windows.map((w) => `${w.window}: ${(w.return! * 100).toFixed(2)}% / ${(w.abnormal! * 100).toFixed(2)}% / t ${w.tStat!.toFixed(2)}`).join("; ")}`,
    );
  });

  it("carries the daily study in the CSV export", () => {
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    const row = rows.find((r) => r.symbol === "005380.KS")!;
    expect(row.resolution).toBe("daily");
    expect(row.return_1m).toBe("");
    expect(row.daily_eventDay).toBe("2021-01-08");
    expect(Number(row.daily_basePrice)).toBe(206_000);
    expect(Number(row["daily_return_0"])).toBe(reaction.daily!.windows[0]!.return);
    expect(Number(row["daily_car_0"])).toBe(reaction.daily!.windows[0]!.abnormal);
    expect(Number(row["daily_t_0"])).toBe(reaction.daily!.windows[0]!.tStat);
    expect(row.intradayReason).toBe(reaction.intradayReason);
  });

  it("studies six dated headlines at daily resolution in agreement with a computation from the candles", async () => {
    for (const [publishedAt, headline] of MORE_NEWS) {
      const posted = await postJson(app.url, "/api/news", {
        headline,
        body: headline,
        publishedAt,
        source: HEADLINE.source,
        tickers: ["005380.KS"],
      });
      expect(posted.status).toBe(201);
    }
    const study = await getOk<Study>(
      app.url,
      `/api/study?symbol=005380.KS&resolution=daily&source=${encodeURIComponent(HEADLINE.source)}`,
    );
    expect(study.resolution).toBe("daily");
    const byDay = new Map(
      study.events.map((e) => [new Date(Date.parse(e.t0) + 9 * 3_600_000).toISOString().slice(0, 10), e]),
    );
    expect([...byDay.keys()]).toEqual([
      "2020-04-23",
      "2020-07-23",
      "2020-10-14",
      "2020-10-26",
      "2021-01-08",
      "2021-02-08",
    ]);
    expect(byDay.get("2020-10-26")!.reason).toMatch(
      new RegExp(`^confounded by ${byDay.get("2020-10-14")!.newsId} \\(12 days earlier; the earlier one is kept\\)$`),
    );
    expect(byDay.get("2021-02-08")!.reason).toMatch(/^data does not reach the window: nothing at \+13 trading days$/);
    const included = ["2020-04-23", "2020-07-23", "2020-10-14", "2021-01-08"];
    expect(study.events.filter((e) => e.included).map((e) => e.newsId)).toEqual(
      included.map((d) => byDay.get(d)!.newsId),
    );
    expect(study.n).toBe(4);
    // The Apple-talks event's estimation now also leaves out the other headlines' days.
    const apple = byDay.get("2021-01-08")!;

    const [stock, bench] = [await dailyBars(app.url, "005380.KS"), await dailyBars(app.url, "^KS11")];
    const days = bench.map((b) => b.day);
    const s = new Map(stock.map((b) => [b.day, b.close]));
    const m = new Map(bench.map((b) => [b.day, b.close]));
    const eventDays = [...byDay.keys()];
    const windows = [
      ["0", 0, 0],
      ["-1..1", -1, 1],
      ["0..1", 0, 1],
      ["0..5", 0, 5],
      ["0..20", 0, 20],
    ] as const;
    const per = included.map((day0) => {
      const i0 = days.indexOf(day0);
      const at = (k: number) => days[i0 + k];
      const others = new Set(eventDays.filter((d) => d !== day0));
      const xs: number[] = [];
      const ys: number[] = [];
      for (let k = -260; k <= -11; k++) {
        const [d0, d1] = [at(k - 1), at(k)];
        if (!d0 || !d1 || others.has(d1) || !s.has(d0) || !s.has(d1)) continue;
        xs.push(m.get(d1)! / m.get(d0)! - 1);
        ys.push(s.get(d1)! / s.get(d0)! - 1);
      }
      const n = xs.length;
      const mx = xs.reduce((a, b) => a + b, 0) / n;
      const my = ys.reduce((a, b) => a + b, 0) / n;
      const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      const beta = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx;
      const alpha = my - beta * mx;
      const sd = Math.sqrt(xs.reduce((a, x, i) => a + (ys[i]! - alpha - beta * x) ** 2, 0) / (n - 2));
      const rm = (k: number) => m.get(at(k)!)! / m.get(at(k - 1)!)! - 1;
      const ar = (k: number) => s.get(at(k)!)! / s.get(at(k - 1)!)! - 1 - (alpha + beta * rm(k));
      return windows.map(([, from, to]) => {
        let car = 0;
        let dev = 0;
        for (let k = from; k <= to; k++) {
          car += ar(k);
          dev += rm(k) - mx;
        }
        const l = to - from + 1;
        return { car, scar: car / (sd * Math.sqrt(l + (l * l) / n + (dev * dev) / sxx)), patellVar: (n - 2) / (n - 4) };
      });
    });
    const lines: string[] = [];
    for (const [w, [label]] of windows.entries()) {
      const cars = per.map((p) => p[w]!.car);
      const caar = cars.reduce((a, b) => a + b, 0) / cars.length;
      const sdCar = Math.sqrt(cars.reduce((a, c) => a + (c - caar) ** 2, 0) / (cars.length - 1));
      const t = caar / (sdCar / Math.sqrt(cars.length));
      const patell = per.reduce((a, p) => a + p[w]!.scar, 0) / Math.sqrt(per.reduce((a, p) => a + p[w]!.patellVar, 0));
      const row = study.windows.find((x) => x.window === label)!;
      expect(row.caar!, label).toBeCloseTo(caar, 10);
      expect(row.tests.crossSectionalT.statistic!, label).toBeCloseTo(t, 8);
      expect(row.tests.patellZ.statistic!, label).toBeCloseTo(patell, 8);
      expect(row.positive, label).toBe(cars.filter((c) => c > 0).length);
      expect(apple.cars[label], label).toBeCloseTo(per[3]![w]!.car, 10);
      lines.push(
        `${label}: CAAR ${(caar * 100).toFixed(2)}%, t ${t.toFixed(2)}, Patell Z ${patell.toFixed(2)}, BMP ${row.tests.bmp.statistic!.toFixed(2)}, ${row.positive}/4 up`,
      );
    }
    const rows: Record<string, string>[] = parse(
      await (
        await fetch(
          `${app.url}/api/study.csv?symbol=005380.KS&resolution=daily&source=${encodeURIComponent(HEADLINE.source)}`,
        )
      ).text(),
      { columns: true },
    );
    const row = rows.find((r) => r.newsId === apple.newsId)!;
    expect(row.included).toBe("true");
    expect(Number(row["abnormal_0..20"])).toBe(apple.cars["0..20"]);
    expect(rows.find((r) => r.newsId === byDay.get("2021-02-08")!.newsId)!.reason).toMatch(/^data does not reach/);
    console.log(`005380.KS daily study of ${study.n} of ${study.events.length} headlines: ${lines.join("; ")}`);
  });
});
