import { BENCHMARK } from "../domain/instruments";
import { KrxCalendar } from "../domain/market/krx-calendar";
import { kstTime } from "../domain/market/kst";
import { computeReaction } from "../domain/reaction/compute-reaction";
import { type PriceSeries, toSeries } from "../domain/reaction/price-series";
import { DEFAULT_MARKET } from "../domain/simulator/default-market";
import { MarketSimulator } from "../domain/simulator/market-simulator";
import { Random } from "../domain/simulator/random";
import { type BenchResult, medianOf, result } from "./harness";

const SYMBOLS = ["005380.KS", "000270.KS", BENCHMARK];

/** Reaction maths for many headlines × 3 tickers over simulated trades held in memory. */
export async function benchReactions(quick: boolean): Promise<BenchResult[]> {
  const calendar = new KrxCalendar();
  const headlines = quick ? 100 : 1_000;
  const days = calendar.tradingDaysEndingAt("2025-11-28", 20);
  const from = calendar.sessionOf(days[0]!)!.open;
  const to = calendar.sessionOf(days[days.length - 1]!)!.close;
  const trades = new Map<string, { ts: number; price: number; size: number }[]>(SYMBOLS.map((s) => [s, []]));
  const simulator = new MarketSimulator({ seed: 11, benchmark: BENCHMARK, instruments: DEFAULT_MARKET });
  for (const second of simulator.run(from, to)) for (const t of second) trades.get(t.symbol)!.push(t);
  const series = new Map<string, PriceSeries>([...trades].map(([s, list]) => [s, toSeries(list)]));

  // Headlines on trading days 8–18, so every one has its estimation window and next close.
  const random = new Random(3);
  const times = Array.from({ length: headlines }, () => {
    const day = days[7 + Math.floor(random.uniform() * 11)]!;
    return kstTime(day, 9) + Math.floor(random.uniform() * 6.5 * 3_600_000);
  });
  // `fresh` gives every reaction its own series objects, as when each headline's trades are
  // read on their own: nothing shared between reactions (the design before the shared
  // estimation fits and volume totals), the baseline of the same run.
  const compute = (fresh: boolean, count = times.length) => {
    const own = (s: PriceSeries): PriceSeries => (fresh ? { ts: s.ts, price: s.price, size: s.size } : s);
    const started = performance.now();
    for (const [i, publishedAt] of times.slice(0, count).entries()) {
      const benchmark = own(series.get(BENCHMARK)!);
      for (const symbol of SYMBOLS) {
        computeReaction({
          newsId: `n${i}`,
          symbol,
          publishedAt,
          stock: symbol === BENCHMARK ? benchmark : own(series.get(symbol)!),
          benchmark: symbol === BENCHMARK ? null : benchmark,
          otherNews: times,
          asOf: to,
          calendar,
        });
      }
    }
    return performance.now() - started;
  };
  const runs = quick ? 1 : 3;
  // The baseline is ~40x slower: a tenth of the headlines, scaled to the same count.
  const sample = Math.ceil(headlines / 10);
  const baseline = await medianOf(runs, async () => (compute(true, sample) * headlines) / sample);
  const ms = await medianOf(runs, async () => compute(false));
  return [
    result(`reactions: ${headlines} headlines × 3 tickers, in memory`, ms, "ms", {
      name: `each reaction on its own series (${sample} headlines, scaled)`,
      value: baseline,
    }),
  ];
}
