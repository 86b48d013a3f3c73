import type { Tick } from "../../contract/model";
import type { RunningApp } from "../../server/app";
import { Sequencer } from "../../server/feed/sequencer";
import { type LoadPlan, type LoadReport, offerLoad } from "./offered-load";

/**
 * Publishes `plan`'s synthetic ticks through the app's tick bus (stored, then fanned out),
 * numbered on from each symbol's last stored tick and priced at it.
 */
export async function publishToApp(app: RunningApp, plan: LoadPlan): Promise<LoadReport> {
  const last = await app.ctx.store.ticks.lastTicks();
  const sequencer = new Sequencer(new Map([...last].map(([symbol, t]) => [symbol, t.seq])));
  const price = (symbol: string) => last.get(symbol)?.price ?? 1_000;
  const tick = (symbol: string, ts: number): Tick => sequencer.number({ symbol, ts, price: price(symbol), size: 1 });
  const report = await offerLoad(plan, tick, (ticks) => app.bus.publish(ticks));
  await app.bus.flush();
  return report;
}
