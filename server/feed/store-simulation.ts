import type { Tick } from "../../contract/model";
import type { MarketSimulator } from "../../domain/simulator/market-simulator";
import type { TickStore } from "../store/store";
import { Sequencer } from "./sequencer";

const WRITE_BATCH = 20_000;

/**
 * Simulates [from, to) straight into the store, numbered from seq 1, in batches of 20k:
 * history and warm-ups that nobody watches live, so no bus and no fan-out. `onBatch` sees
 * each stored batch (progress, digests). Returns how many ticks were stored.
 */
export async function storeSimulation(
  simulator: MarketSimulator,
  from: number,
  to: number,
  store: TickStore,
  onBatch?: (batch: readonly Tick[]) => void,
): Promise<number> {
  const sequencer = new Sequencer();
  let batch: Tick[] = [];
  let total = 0;
  const flush = async () => {
    await store.append(batch);
    onBatch?.(batch);
    total += batch.length;
    batch = [];
  };
  for (const second of simulator.run(from, to)) {
    for (const tick of second) batch.push(sequencer.number(tick));
    if (batch.length >= WRITE_BATCH) await flush();
  }
  await flush();
  return total;
}
