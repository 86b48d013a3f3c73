import { KrxCalendar } from "../domain/market/krx-calendar";
import { computeReaction } from "../domain/reaction/compute-reaction";
import { Random } from "../domain/simulator/random";
import { intradayConfounds, intradayStudyEvent } from "../domain/study/intraday-events";
import { runStudy } from "../domain/study/run-study";
import { INTRADAY_DESIGN } from "../domain/study/study-design";
import { randomEventTime, simulateStudyMarket } from "../domain/study/simulated-market";
import { type BenchResult, medianOf, result } from "./harness";

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
      computeReaction({ newsId: `n${i}`, symbol: "005380.KS", publishedAt, stock, benchmark, otherNews: times, asOf: market.to, calendar });
    }
    return performance.now() - started;
  });
  const study = await medianOf(runs, async () => {
    const { stock, benchmark } = fresh();
    const started = performance.now();
    const events = times.map((publishedAt, i) =>
      intradayStudyEvent({ newsId: `n${i}`, publishedAt, stock, benchmark, asOf: market.to, calendar }),
    );
    runStudy(events, { symbol: "005380.KS", benchmark: "^KS11", design: INTRADAY_DESIGN, confounds: intradayConfounds(calendar) });
    return performance.now() - started;
  });
  return [result(`study: ${headlines} headlines × 1 symbol, in memory`, study, "ms", { name: "the per-reaction path for the same headlines", value: perReaction })];
}
