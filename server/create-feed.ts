import type { Logger } from "pino";
import type { Env } from "./config/env";
import type { KrxCalendar } from "../domain/market/krx-calendar";
import { BENCHMARK } from "../domain/instruments";
import { simulatedMarket } from "../domain/simulator/default-market";
import { MarketSimulator } from "../domain/simulator/market-simulator";
import type { TickStore } from "./store/store";
import { type Feed, idleFeed } from "./feed/feed";
import { resumeSimulation } from "./feed/resume-simulation";
import { Sequencer } from "./feed/sequencer";
import { SimulatedFeed } from "./feed/simulated-feed";
import type { TickBus } from "./feed/tick-bus";
import type { Scenario } from "../contract/scenario";
import { type ScenarioFeedDeps, createScenarioFeed } from "./scenario/scenario-feed";
import type { Tape } from "./tape/load-tape";
import { TapeFeed } from "./tape/tape-feed";

/** The feed FEED names, continuing from what the store holds. Wiring: it knows every kind of feed, so no feed folder has to know another. */
export async function createFeed(
  env: Pick<Env, "FEED" | "FEED_SEED" | "FEED_SPEED" | "FEED_SYMBOLS">,
  deps: ScenarioFeedDeps & { scenario: Scenario | null; tape?: Tape | null },
): Promise<Feed> {
  if (env.FEED === "off") return idleFeed();
  if (deps.scenario) return createScenarioFeed(deps.scenario, env.FEED_SPEED, deps);
  if (deps.tape) return createTapeFeed(deps.tape, env.FEED_SPEED, deps);
  if (env.FEED !== "simulate") {
    throw new Error(
      `FEED=${env.FEED} is not available in this version; use simulate, scenario:FILE, replay:FILE or off`,
    );
  }
  return createSimulation(env, { ...deps, store: deps.store.ticks });
}

// Continues after what an earlier run of the same tape stored (a restart), seqs included.
async function createTapeFeed(tape: Tape, speed: number, deps: ScenarioFeedDeps): Promise<Feed> {
  const stored = await deps.store.ticks.lastTicks();
  const rows = tape.rows.filter((row) => row.ts > (stored.get(row.symbol)?.ts ?? -Infinity));
  const published = tape.news.length === 0 ? [] : await Promise.all(tape.news.map((n) => deps.store.news.get(n.id)));
  return new TapeFeed({
    file: tape.file,
    rows,
    news: tape.news.filter((_, i) => !published[i]),
    sequencer: new Sequencer(new Map([...stored].map(([symbol, tick]) => [symbol, tick.seq]))),
    bus: deps.bus,
    store: deps.store,
    newsSignal: deps.news,
    calendar: deps.calendar,
    speed,
    log: deps.log,
  });
}

async function createSimulation(
  env: Pick<Env, "FEED_SEED" | "FEED_SPEED" | "FEED_SYMBOLS">,
  deps: { store: TickStore; bus: TickBus; calendar: KrxCalendar; log: Logger },
): Promise<Feed> {
  const market = simulatedMarket(env.FEED_SYMBOLS);
  const resumed = await resumeSimulation(deps.store, market, env.FEED_SEED, deps.calendar);
  const simulator = new MarketSimulator({
    seed: env.FEED_SEED,
    benchmark: BENCHMARK,
    instruments: market,
    calendar: deps.calendar,
    ...(resumed && { state: resumed.state }),
  });
  const lastSeqs = new Map([...(await deps.store.lastTicks())].map(([symbol, tick]) => [symbol, tick.seq]));
  return new SimulatedFeed({
    name: "simulate",
    simulator,
    sequencer: new Sequencer(lastSeqs),
    bus: deps.bus,
    calendar: deps.calendar,
    cursor: resumed?.cursor ?? deps.calendar.nextSession(Date.now()).open,
    speed: env.FEED_SPEED,
    log: deps.log,
  });
}
