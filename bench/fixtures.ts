import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import type { Tick } from "../contract/model";
import { BENCHMARK } from "../domain/instruments";
import { kstTime } from "../domain/market/kst";
import { DEFAULT_MARKET } from "../domain/simulator/default-market";
import { MarketSimulator } from "../domain/simulator/market-simulator";
import { Sequencer } from "../server/feed/sequencer";

/** `count` simulated ticks from the default market, numbered as the feed numbers them. */
export function simulatedTicks(count: number): Tick[] {
  const simulator = new MarketSimulator({ seed: 7, benchmark: BENCHMARK, instruments: DEFAULT_MARKET });
  const sequencer = new Sequencer();
  const ticks: Tick[] = [];
  for (const second of simulator.run(kstTime("2025-09-01", 9), kstTime("2026-09-01", 9))) {
    for (const tick of second) ticks.push(sequencer.number(tick));
    if (ticks.length >= count) break;
  }
  return ticks.slice(0, count);
}

/** A fresh folder for throwaway databases. */
export function scratchDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "aftershock-bench-"));
}
