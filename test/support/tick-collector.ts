import type { Tick } from "../../contract/model";
import type { TestSocket } from "./connect-client";

/** Everything a socket receives as `ticks`, per batch and per symbol, in arrival order. */
export class TickCollector {
  readonly batches: Tick[][] = [];
  private readonly bySymbol = new Map<string, Tick[]>();
  private readonly batchCounts = new Map<string, number>();
  private readonly stop: () => void;

  constructor(socket: TestSocket) {
    const listener = (batch: Tick[]) => {
      this.batches.push(batch);
      const seen = new Set<string>();
      for (const tick of batch) {
        const list = this.bySymbol.get(tick.symbol) ?? [];
        list.push(tick);
        this.bySymbol.set(tick.symbol, list);
        seen.add(tick.symbol);
      }
      for (const symbol of seen) this.batchCounts.set(symbol, (this.batchCounts.get(symbol) ?? 0) + 1);
    };
    socket.on("ticks", listener);
    this.stop = () => socket.off("ticks", listener);
  }

  /** The ticks of `symbol` received so far, in arrival order. */
  ticks(symbol: string): Tick[] {
    return [...(this.bySymbol.get(symbol) ?? [])];
  }

  /** How many batches carried at least one tick of `symbol`. */
  batchCount(symbol: string): number {
    return this.batchCounts.get(symbol) ?? 0;
  }

  /** The ticks of `symbol` after `seq` (what a client keeps once its snapshot says `seq`). */
  after(symbol: string, seq: number): Tick[] {
    return this.ticks(symbol).filter((t) => t.seq > seq);
  }

  close(): void {
    this.stop();
  }
}

/** The first place `seqs` is not `start, start + 1, …`, or null when it is contiguous. */
export function firstSeqBreak(ticks: readonly Tick[], start: number): string | null {
  for (let i = 0; i < ticks.length; i++) {
    const expected = start + i;
    if (ticks[i]!.seq !== expected) return `at index ${i}: expected seq ${expected}, got ${ticks[i]!.seq}`;
  }
  return null;
}
