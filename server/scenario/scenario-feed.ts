import type { Logger } from "pino";
import type { NewsItem, Tick } from "../../contract/model";
import type { Scenario } from "../../contract/scenario";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { Sequencer } from "../feed/sequencer";
import { SimulatedFeed } from "../feed/simulated-feed";
import type { TickBus } from "../feed/tick-bus";
import type { Signal } from "../lib/signal";
import type { Store } from "../store/store";
import { scenarioWorld } from "./scenario-world";

const WRITE_BATCH = 20_000;

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
export async function createScenarioFeed(scenario: Scenario, speed: number, deps: ScenarioFeedDeps): Promise<SimulatedFeed> {
  const { store, calendar, log } = deps;
  if ((await store.ticks.count()) > 0) {
    throw new Error(`FEED=scenario plays into an empty database; point DATABASE_URL at a new file`);
  }
  const world = scenarioWorld(scenario, calendar);
  await store.instruments.upsert(world.instruments);
  const sequencer = new Sequencer();
  let batch: Tick[] = [];
  for (const second of world.simulator.run(world.from, scenario.start)) {
    for (const tick of second) batch.push(sequencer.number(tick));
    if (batch.length >= WRITE_BATCH) {
      await store.ticks.append(batch);
      batch = [];
    }
  }
  await store.ticks.append(batch);

  const pending = [...world.news].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
  const release = (t: number) => {
    while (pending.length > 0 && Date.parse(pending[0]!.publishedAt) <= t) {
      const item = pending.shift()!;
      store.news.insert(item).then(
        () => deps.news.emit(item),
        (error: unknown) => log.error({ err: error, id: item.id }, "could not publish a scenario headline"),
      );
    }
  };
  return new SimulatedFeed({
    name: `scenario:${scenario.name}`,
    simulator: world.simulator,
    sequencer,
    bus: deps.bus,
    calendar,
    cursor: scenario.start,
    end: scenario.end,
    speed,
    log,
    onAdvance: release,
    onEnd: () => log.info({ scenario: scenario.name }, "scenario finished"),
  });
}
