import type { Tick } from "../../contract/model";
import type { TickStore } from "../store/store";

const PAGE = 5_000;

interface Lane {
  symbol: string;
  page: Tick[];
  index: number;
  lastSeq: number;
  exhausted: boolean;
}

/**
 * Reads the stored ticks of several symbols in time order, a page at a time per symbol
 * (keyset by seq), so a replay of a long range never holds more than a few pages.
 */
export class TickCursor {
  private lanes: Lane[] = [];

  constructor(
    private readonly store: TickStore,
    private readonly symbols: readonly string[],
    private readonly to: number,
  ) {}

  /** Positions every symbol at its first tick at or after `t`. */
  async seek(t: number): Promise<void> {
    this.lanes = await Promise.all(
      this.symbols.map(async (symbol) => {
        const page = await this.store.find({ symbol, from: t, to: this.to, limit: PAGE });
        return { symbol, page, index: 0, lastSeq: page.at(-1)?.seq ?? 0, exhausted: page.length < PAGE };
      }),
    );
  }

  /**
   * Positions each symbol right after its seq in `after`, and the others at their first
   * tick at or after `t`: where a viewer that holds those ticks left off.
   */
  async resume(t: number, after: Readonly<Record<string, number>>): Promise<void> {
    this.lanes = await Promise.all(
      this.symbols.map(async (symbol) => {
        const seq = Object.hasOwn(after, symbol) ? after[symbol] : undefined;
        const page =
          seq === undefined
            ? await this.store.find({ symbol, from: t, to: this.to, limit: PAGE })
            : await this.store.find({ symbol, afterSeq: seq, to: this.to, limit: PAGE });
        return { symbol, page, index: 0, lastSeq: page.at(-1)?.seq ?? seq ?? 0, exhausted: page.length < PAGE };
      }),
    );
  }

  /** Time of the next tick of any symbol, or null at the end. */
  async peekTs(): Promise<number | null> {
    let next: number | null = null;
    for (const lane of this.lanes) {
      const head = await this.head(lane);
      if (head && (next === null || head.ts < next)) next = head.ts;
    }
    return next;
  }

  /** Up to `max` ticks with time at or before `t`, in time order across symbols. */
  async takeUntil(t: number, max: number): Promise<Tick[]> {
    const out: Tick[] = [];
    while (out.length < max) {
      let best: Lane | null = null;
      let bestTick: Tick | null = null;
      for (const lane of this.lanes) {
        const head = await this.head(lane);
        if (head && head.ts <= t && (!bestTick || head.ts < bestTick.ts)) {
          best = lane;
          bestTick = head;
        }
      }
      if (!best || !bestTick) break;
      out.push(bestTick);
      best.index++;
    }
    return out;
  }

  private async head(lane: Lane): Promise<Tick | null> {
    if (lane.index < lane.page.length) return lane.page[lane.index]!;
    if (lane.exhausted) return null;
    lane.page = await this.store.find({ symbol: lane.symbol, afterSeq: lane.lastSeq, to: this.to, limit: PAGE });
    lane.index = 0;
    lane.lastSeq = lane.page.at(-1)?.seq ?? lane.lastSeq;
    lane.exhausted = lane.page.length < PAGE;
    return lane.page[0] ?? null;
  }
}
