import type { Logger } from "pino";
import type { Instrument, NewsItem } from "../../contract/model";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import type { SimInstrument } from "../../domain/simulator/model";
import { MarketSimulator } from "../../domain/simulator/market-simulator";
import { DEFAULT_MARKET, HISTORY_DAYS, HISTORY_LAST_DAY } from "../../domain/simulator/default-market";
import { BENCHMARK } from "../../domain/instruments";
import { createTagger } from "../../domain/tagging/tag-tickers";
import { storeSimulation } from "../feed/store-simulation";
import type { Store } from "../store/store";
import { SHIPPED_NEWS } from "./shipped-news";
import { ensure } from "../../domain/invariant";

/** The shipped headlines as news items, tickers found by the tagger. */
export function shippedNewsItems(instruments: readonly Instrument[]): NewsItem[] {
  const tag = createTagger(instruments);
  return SHIPPED_NEWS.map((n) => ({
    id: n.id,
    publishedAt: new Date(n.publishedAt).toISOString(),
    headline: n.headline,
    body: n.body,
    source: n.source,
    url: n.url,
    tickers: tag(n.headline, n.body),
  }));
}

/**
 * Fills an empty database: the instruments, the shipped news, and a few simulated trading
 * days ending with the shipped headline's day, so the first screen already has history
 * and the reaction maths an estimation window. Does nothing to a database that has data.
 */
export async function seedDatabase(
  store: Store,
  instruments: readonly Instrument[],
  calendar: KrxCalendar,
  seed: number,
  log: Logger,
  history = true,
  market: readonly SimInstrument[] = DEFAULT_MARKET,
): Promise<void> {
  await store.instruments.upsert(instruments);
  if ((await store.news.count()) === 0) {
    for (const item of shippedNewsItems(instruments)) await store.news.insert(item);
  }
  if (!history || (await store.ticks.count()) > 0) return;

  const started = performance.now();
  const days = calendar.tradingDaysEndingAt(HISTORY_LAST_DAY, HISTORY_DAYS);
  const first = ensure(calendar.sessionOf(ensure(days[0], "the first history day")), "the first history day's session");
  const last = ensure(
    calendar.sessionOf(ensure(days.at(-1), "the last history day")),
    "the last history day's session",
  );
  const simulator = new MarketSimulator({
    seed,
    benchmark: BENCHMARK,
    instruments: market,
    // A shipped headline moves only the symbols this market simulates.
    shocks: SHIPPED_NEWS.map((n) => ({
      at: Date.parse(n.publishedAt),
      impact: Object.fromEntries(
        Object.entries(n.impact).filter(([symbol]) => market.some((i) => i.symbol === symbol)),
      ),
    })),
    calendar,
  });
  const total = await storeSimulation(simulator, first.open, last.close, store.ticks);
  for (const [symbol, tick] of await store.ticks.lastTicks()) {
    const firstTick = (await store.ticks.find({ symbol, limit: 1 }))[0]!;
    await store.sources.record({
      symbol,
      kind: "simulated",
      file: null,
      resolution: "tick",
      firstTs: firstTick.ts,
      lastTs: tick.ts,
      rows: tick.seq,
    });
  }
  const ms = performance.now() - started;
  log.info({ ticks: total, days: days.length, ms: Math.round(ms) }, "seeded simulated history");
}
