import type { Instrument, NewsItem } from "../../contract/model";
import type { Scenario } from "../../contract/scenario";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { SHIPPED_INSTRUMENTS } from "../../domain/instruments";
import { MarketSimulator } from "../../domain/simulator/market-simulator";
import type { SimInstrument } from "../../domain/simulator/model";
import { createTagger } from "../../domain/tagging/tag-tickers";

/** Everything a scenario file turns into: instruments, headlines, the simulator, its range. */
export interface ScenarioWorld {
  instruments: Instrument[];
  news: NewsItem[];
  simulator: MarketSimulator;
  /** Where the simulation starts: `warmupSessions` sessions before the scenario's start. */
  from: number;
  to: number;
}

/** Builds a scenario's world; the same file always builds the same world. */
export function scenarioWorld(scenario: Scenario, calendar: KrxCalendar): ScenarioWorld {
  const shipped = new Map(SHIPPED_INSTRUMENTS.map((i) => [i.symbol, i]));
  const instruments: Instrument[] = scenario.instruments.map((spec) => {
    const known = shipped.get(spec.symbol);
    const isIndex = spec.symbol.startsWith("^");
    return (
      known ?? {
        symbol: spec.symbol,
        name: spec.name ?? spec.symbol,
        nameKo: spec.name ?? spec.symbol,
        exchange: "KRX",
        currency: "KRW",
        timezone: "Asia/Seoul",
        kind: isIndex ? "index" : "stock",
        aliases: [],
        decimals: isIndex ? 2 : 0,
      }
    );
  });
  const simInstruments: SimInstrument[] = scenario.instruments.map((spec, i) => ({
    symbol: spec.symbol,
    kind: instruments[i]!.kind,
    open: spec.open,
    volatility: spec.volatility,
    decimals: instruments[i]!.decimals,
    ...(spec.beta !== undefined && { beta: spec.beta }),
  }));
  const tag = createTagger(instruments);
  const news: NewsItem[] = scenario.news.map((n, i) => ({
    id: `${scenario.name}-${i}`,
    publishedAt: new Date(n.at).toISOString(),
    headline: n.headline,
    body: n.body,
    source: n.source,
    url: n.url ?? null,
    // The headline's text names its tickers; a shock on a stock names it too.
    tickers: [
      ...new Set([
        ...tag(n.headline, n.body),
        ...Object.keys(n.impact).filter((s) => s !== scenario.benchmark && n.impact[s] !== 0),
      ]),
    ].sort(),
  }));
  const simulator = new MarketSimulator({
    seed: scenario.seed,
    benchmark: scenario.benchmark,
    instruments: simInstruments,
    shocks: scenario.news.map((n) => ({ at: n.at, impact: n.impact })),
    calendar,
  });
  let first = calendar.nextSession(scenario.start);
  for (let i = 0; i < scenario.warmupSessions; i++) first = calendar.previousSession(first.open);
  return { instruments, news, simulator, from: Math.min(first.open, scenario.start), to: scenario.end };
}
