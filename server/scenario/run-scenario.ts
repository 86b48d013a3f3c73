import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Reaction, Tick } from "../../contract/model";
import type { Scenario } from "../../contract/scenario";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { type CheckedExpectation, checkExpectations } from "../../domain/scenario/check-expectations";
import { tickDigest } from "./tick-digest";
import { storeSimulation } from "../feed/store-simulation";
import { reactionsAsOf } from "../operations/get-reactions";
import { openStore } from "../store/open-store";
import { scenarioWorld } from "./scenario-world";
import { ensure } from "../../domain/invariant";

/** What `npm run scenario -- FILE --json` prints. */
export interface ScenarioReport {
  name: string;
  passed: boolean;
  digest: string;
  ticks: number;
  reactions: Reaction[];
  expectations: CheckedExpectation[];
}

/**
 * Runs a scenario headless through the real simulator, tick store and reaction maths, in a
 * throwaway SQLite database unless `databaseFile` names one.
 */
export async function runScenario(
  scenario: Scenario,
  calendar: KrxCalendar,
  options: { databaseFile?: string; progress?: (ticks: number, t: number) => void } = {},
): Promise<ScenarioReport> {
  const dir = options.databaseFile ? null : await mkdtemp(path.join(os.tmpdir(), "aftershock-scenario-"));
  const file = options.databaseFile ?? path.join(ensure(dir, "the temporary folder"), "scenario.db");
  const store = await openStore({ DATABASE_URL: `file:${file}`, sqlitePath: file });
  try {
    const world = scenarioWorld(scenario, calendar);
    await store.instruments.upsert(world.instruments);
    for (const item of world.news) await store.news.insert(item);
    const all: Tick[] = [];
    await storeSimulation(world.simulator, world.from, world.to, store.ticks, (batch) => {
      all.push(...batch);
      const last = batch.at(-1);
      if (last) options.progress?.(all.length, last.ts);
    });

    const source = { store, calendar, instruments: new Map(world.instruments.map((i) => [i.symbol, i])), benchmark: scenario.benchmark };
    const reactions: Reaction[] = [];
    for (const item of world.news) reactions.push(...(await reactionsAsOf(source, item.id, () => scenario.end)));
    const expectations = checkExpectations(scenario.expect, world.news.map((n) => n.id), reactions);
    return {
      name: scenario.name,
      passed: expectations.every((e) => e.passed),
      digest: tickDigest(all),
      ticks: all.length,
      reactions,
      expectations,
    };
  } finally {
    await store.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
