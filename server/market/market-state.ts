import type { Snapshot, Tick } from "../../contract/model";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import type { TickStore } from "../store/store";

/**
 * The last stored tick of every symbol, kept current from the tick bus, and the previous
 * close each viewer's "change" is measured against.
 */
export class MarketState {
  private readonly prevCloses = new Map<string, { day: string; price: number | null }>();

  private constructor(
    private readonly store: TickStore,
    private readonly calendar: KrxCalendar,
    private readonly last: Map<string, Tick>,
  ) {}

  static async load(store: TickStore, calendar: KrxCalendar): Promise<MarketState> {
    return new MarketState(store, calendar, await store.lastTicks());
  }

  /** Reloads the last ticks from the store (a node that does not run the feed). */
  async refresh(): Promise<void> {
    for (const [symbol, tick] of await this.store.lastTicks()) {
      const known = this.last.get(symbol);
      if (!known || tick.seq > known.seq) this.last.set(symbol, tick);
    }
  }

  /** Folds in a stored batch (ticks in seq order). */
  apply(batch: readonly Tick[]): void {
    for (const tick of batch) this.last.set(tick.symbol, tick);
  }

  /** The time of the newest stored tick of any symbol: how far the data reaches. */
  latestTs(): number | null {
    let latest: number | null = null;
    for (const tick of this.last.values()) latest = Math.max(latest ?? tick.ts, tick.ts);
    return latest;
  }

  lastTick(symbol: string): Tick | null {
    return this.last.get(symbol) ?? null;
  }

  async snapshot(symbol: string): Promise<Snapshot> {
    const last = this.lastTick(symbol);
    return { symbol, seq: last?.seq ?? 0, last, prevClose: last ? await this.prevClose(symbol, last.ts) : null };
  }

  // The close of the last session before the one `ts` falls in (or follows).
  private async prevClose(symbol: string, ts: number): Promise<number | null> {
    const session = this.calendar.nextSession(ts - 1);
    const open = Math.min(session.open, ts);
    const key = `${open}`;
    const cached = this.prevCloses.get(symbol);
    if (cached?.day === key) return cached.price;
    const tick = await this.store.lastAtOrBefore(symbol, open - 1);
    const price = tick?.price ?? null;
    this.prevCloses.set(symbol, { day: key, price });
    return price;
  }
}
