import type { Tick } from "../../contract/model";
import type { SimTick } from "../../domain/simulator/model";

/** Numbers ticks per symbol, continuing from the last stored seq: 1, 2, 3 … no gaps. */
export class Sequencer {
  private readonly last: Map<string, number>;

  constructor(lastSeqs: ReadonlyMap<string, number> = new Map()) {
    this.last = new Map(lastSeqs);
  }

  number(tick: SimTick): Tick {
    const seq = (this.last.get(tick.symbol) ?? 0) + 1;
    this.last.set(tick.symbol, seq);
    return { symbol: tick.symbol, ts: tick.ts, price: tick.price, size: tick.size, seq };
  }
}
