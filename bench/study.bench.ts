import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Study } from "../contract/model";
import { BENCHMARK } from "../domain/instruments";
import { KrxCalendar } from "../domain/market/krx-calendar";
import { kstTime } from "../domain/market/kst";
import { computeReaction } from "../domain/reaction/compute-reaction";
import { Random } from "../domain/simulator/random";
import { intradayConfounds, intradayStudyEvent } from "../domain/study/intraday-events";
import { runStudy } from "../domain/study/run-study";
import { INTRADAY_DESIGN } from "../domain/study/study-design";
import { randomEventTime, simulateStudyMarket } from "../domain/study/simulated-market";
import { HISTORY_DAYS, HISTORY_LAST_DAY } from "../domain/simulator/default-market";
import { startApp } from "../server/app";
import { parseEnv } from "../server/config/env";
import { scratchDir } from "./fixtures";
import { type BenchResult, medianOf, result, trace } from "./harness";

/** A study of 1,000 headlines × one symbol against the per-reaction path, trades in memory. */
export async function benchStudy(quick: boolean): Promise<BenchResult[]> {
  const calendar = new KrxCalendar();
  const headlines = quick ? 200 : 1_000;
  const market = simulateStudyMarket(calendar, "2025-11-28", 24, 11);
  const random = new Random(4);
  const times = Array.from({ length: headlines }, () => randomEventTime(random, market.days, 3));
  // Fresh series per run, so no run reuses another's estimation fits.
  const fresh = () => ({
    stock: { ts: market.stock.ts, price: market.stock.price, size: market.stock.size },
    benchmark: { ts: market.benchmark.ts, price: market.benchmark.price, size: market.benchmark.size },
  });
  const runs = quick ? 1 : 3;
  const perReaction = await medianOf(runs, async () => {
    const { stock, benchmark } = fresh();
    const started = performance.now();
    for (const [i, publishedAt] of times.entries()) {
      computeReaction({
        newsId: `n${i}`,
        symbol: "005380.KS",
        publishedAt,
        stock,
        benchmark,
        otherNews: times,
        asOf: market.to,
        calendar,
      });
    }
    return performance.now() - started;
  });
  const study = await medianOf(runs, async () => {
    const { stock, benchmark } = fresh();
    const started = performance.now();
    const events = times.map((publishedAt, i) =>
      intradayStudyEvent({ newsId: `n${i}`, publishedAt, stock, benchmark, asOf: market.to, calendar }),
    );
    runStudy(events, {
      symbol: "005380.KS",
      benchmark: "^KS11",
      design: INTRADAY_DESIGN,
      confounds: intradayConfounds(calendar),
    });
    return performance.now() - started;
  });
  return [
    result(`study: ${headlines} headlines × 1 symbol, in memory`, study, "ms", {
      name: "the per-reaction path for the same headlines",
      value: perReaction,
    }),
  ];
}

const STUDY_SYMBOL = "005380.KS";

/**
 * A study over 1,000 headlines × one symbol answered by the real server on a SQLite file
 * (GET /api/study: intraday on the seeded ticks; daily, on a second server, on the real
 * Yahoo bars imported with the CLI), beside the per-reaction path for the same headlines
 * (GET /api/reactions for each, a tenth of them scaled, a different tenth per run so no
 * answer comes from the reaction cache).
 */
export async function benchStudyStore(quick: boolean): Promise<BenchResult[]> {
  const headlines = quick ? 200 : 1_000;
  const calendar = new KrxCalendar();
  const random = new Random(5);
  const seeded = calendar.tradingDaysEndingAt(HISTORY_LAST_DAY, HISTORY_DAYS);
  // Daily headlines where the Yahoo slice holds their estimation window and day +20.
  const [first, last] = [kstTime("2020-03-20", 8), kstTime("2021-01-25", 8)];
  const intraday = Array.from({ length: headlines }, () => randomEventTime(random, seeded, 3));
  const daily = Array.from({ length: headlines }, () => first + Math.floor(random.uniform() * (last - first)));
  return [await storeStudy(quick, "intraday", intraday, false), await storeStudy(quick, "daily", daily, true)];
}

async function storeStudy(
  quick: boolean,
  kind: "intraday" | "daily",
  times: readonly number[],
  imported: boolean,
): Promise<BenchResult> {
  const runs = quick ? 1 : 3;
  const dir = scratchDir();
  const file = path.join(dir, "study.db");
  const app = await startApp({
    env: parseEnv({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${file}`,
      FEED: "off",
      LOG_LEVEL: "warn",
      SEED_HISTORY: imported ? "false" : "true",
    }),
    withPages: false,
  });
  try {
    for (const [symbol, csv] of imported
      ? ([
          [STUDY_SYMBOL, "005380.KS.csv"],
          [BENCHMARK, "KS11.csv"],
        ] as const)
      : []) {
      await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "server/cli/import.ts", "--symbol", symbol, `test/fixtures/yahoo/${csv}`],
        {
          env: { ...process.env, DATABASE_URL: `file:${file}` },
          timeout: 120_000,
        },
      );
    }
    for (const [i, t] of times.entries()) {
      await app.ctx.store.news.insert({
        id: `bench-${i}`,
        publishedAt: new Date(t).toISOString(),
        headline: `Bench ${kind} headline ${i}`,
        body: "",
        source: "bench",
        url: null,
        tickers: [STUDY_SYMBOL],
      });
    }
    const get = async (target: string) => {
      const res = await fetch(`${app.url}${target}`);
      if (!res.ok) throw new Error(`${target}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<unknown>;
    };
    const study = await medianOf(runs, async () => {
      const started = performance.now();
      const answer = (await get(`/api/study?symbol=${STUDY_SYMBOL}&resolution=${kind}&source=bench`)) as Study;
      if (answer.events.length !== times.length)
        throw new Error(`${kind} study: ${answer.events.length} events, ${times.length} expected`);
      trace(`${kind} study: ${answer.n} of ${answer.events.length} included`);
      return performance.now() - started;
    });
    const sample = Math.ceil(times.length / 10);
    const perReaction = await medianOf(runs, async (run) => {
      const started = performance.now();
      for (let i = run * sample; i < (run + 1) * sample; i++) await get(`/api/reactions?newsId=bench-${i}`);
      return ((performance.now() - started) * times.length) / sample;
    });
    return result(`study (${kind}): ${times.length} headlines × 1 symbol, SQLite through GET /api/study`, study, "ms", {
      name: `GET /api/reactions for each headline (${sample} of them, scaled)`,
      value: perReaction,
    });
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
