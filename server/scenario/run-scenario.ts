import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Reaction, Tick } from "../../contract/model";
import type { Scenario } from "../../contract/scenario";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import {
  type CheckedExpectation,
  type CheckedStudy,
  checkExpectations,
  checkStudy,
} from "../../domain/scenario/check-expectations";
import { studySymbol } from "../../domain/scenario/check-scenario";
import { tickDigest } from "./tick-digest";
import { storeSimulation } from "../feed/store-simulation";
import { reactionsAsOf } from "../operations/get-reactions";
import { getStudy } from "../operations/get-study";
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
  /** The `studies` expectations, each with the CAAR its study measured. */
  studies: CheckedStudy[];
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

    const source = {
      store,
      calendar,
      instruments: new Map(world.instruments.map((i) => [i.symbol, i])),
      benchmark: scenario.benchmark,
    };
    const reactions: Reaction[] = [];
    for (const item of world.news) reactions.push(...(await reactionsAsOf(source, item.id, () => scenario.end)));
    const expectations = checkExpectations(
      scenario.expect,
      world.news.map((n) => n.id),
      reactions,
    );
    const studies: CheckedStudy[] = [];
    for (const e of scenario.studies) {
      const symbol = studySymbol(scenario, e);
      // The same operation as GET /api/study, with the data reaching the scenario's end.
      const study = await getStudy(source, { symbol, q: e.q, resolution: "intraday" }, scenario.end);
      studies.push(checkStudy({ ...e, symbol }, study));
    }
    return {
      name: scenario.name,
      passed: expectations.every((e) => e.passed) && studies.every((e) => e.passed),
      digest: tickDigest(all),
      ticks: all.length,
      reactions,
      expectations,
      studies,
    };
  } finally {
    await store.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
