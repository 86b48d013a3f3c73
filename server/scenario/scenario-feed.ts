import type { Logger } from "pino";
import type { NewsItem, Tick } from "../../contract/model";
import type { Scenario } from "../../contract/scenario";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { Sequencer } from "../feed/sequencer";
import { SimulatedFeed } from "../feed/simulated-feed";
import { storeSimulation } from "../feed/store-simulation";
import type { TickBus } from "../feed/tick-bus";
import type { Signal } from "../lib/signal";
import type { Store } from "../store/store";
import { type ScenarioWorld, scenarioWorld } from "./scenario-world";

export interface ScenarioFeedDeps {
  store: Store;
  bus: TickBus;
  calendar: KrxCalendar;
  news: Signal<NewsItem>;
  log: Logger;
}

/**
 * Plays a scenario live: its warm-up sessions are stored at once (history to look back
 * on), then the scenario's day runs at FEED_SPEED and each headline is published when the
 * market clock passes its time. The ticks are the ones `npm run scenario` produces.
 */
export async function createScenarioFeed(
  scenario: Scenario,
  speed: number,
  deps: ScenarioFeedDeps,
): Promise<SimulatedFeed> {
  const { store, calendar, log } = deps;
  const world = scenarioWorld(scenario, calendar);
  await store.instruments.upsert(world.instruments);
  const stored = await store.ticks.lastTicks();
  const cursor =
    stored.size === 0 ? await storeWarmup(scenario, world, store) : await fastForward(scenario, world, stored);
  const sequencer = new Sequencer(new Map([...(await store.ticks.lastTicks())].map(([s, t]) => [s, t.seq])));

  const pending = [...world.news].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
  const release = (t: number) => {
    while (pending.length > 0 && Date.parse(pending[0]!.publishedAt) <= t) {
      const item = pending.shift()!;
      store.news.insert(item).then(
        (isNew) => isNew && deps.news.emit(item),
        (error: unknown) => log.error({ err: error, id: item.id }, "could not publish a scenario headline"),
      );
    }
  };
  release(cursor);
  return new SimulatedFeed({
    name: `scenario:${scenario.name}`,
    simulator: world.simulator,
    sequencer,
    bus: deps.bus,
    calendar,
    cursor,
    end: scenario.end,
    speed,
    log,
    onAdvance: release,
    onEnd: () => log.info({ scenario: scenario.name }, "scenario finished"),
  });
}

// A fresh database: the warm-up sessions go in at once, as history to look back on.
async function storeWarmup(scenario: Scenario, world: ScenarioWorld, store: Store): Promise<number> {
  await storeSimulation(world.simulator, world.from, scenario.start, store.ticks);
  return scenario.start;
}

// A database this scenario already played into (a restart, or a new leader taking over):
// replay the simulation silently up to the last stored second, check it produced exactly
// the stored ticks, and go on from there, so the ticks stay those of the headless run.
async function fastForward(
  scenario: Scenario,
  world: ScenarioWorld,
  stored: ReadonlyMap<string, Tick>,
): Promise<number> {
  const lastTs = Math.max(...[...stored.values()].map((t) => t.ts));
  const cursor = Math.floor(lastTs / 1000) * 1000 + 1000;
  const sequencer = new Sequencer();
  const regenerated = new Map<string, Tick>();
  for (const second of world.simulator.run(world.from, cursor)) {
    for (const tick of second) regenerated.set(tick.symbol, sequencer.number(tick));
  }
  for (const [symbol, tick] of stored) {
    const again = regenerated.get(symbol);
    if (!again || again.seq !== tick.seq || again.price !== tick.price || again.ts !== tick.ts) {
      throw new Error(
        `the database holds other ticks than scenario ${scenario.name} makes; point DATABASE_URL at a new file`,
      );
    }
  }
  return Math.max(cursor, scenario.start);
}
