import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedStatus } from "../../contract/events";
import type { Tick } from "../../contract/model";
import type { TickStore } from "../store/store";
import { TickBus } from "./tick-bus";

const silent = pino({ level: "silent" });

const tick = (seq: number, symbol = "005930.KS"): Tick => ({ symbol, seq, ts: seq * 1_000, price: 70_000, size: 1 });

/** A tick store that only appends (the seam the bus uses), failing while `failing` is set. */
function fakeStore() {
  const stored: Tick[][] = [];
  const store = {
    failing: null as Error | null,
    attempts: 0,
    stored,
    async append(ticks: readonly Tick[]) {
      store.attempts++;
      if (store.failing) throw store.failing;
      stored.push([...ticks]);
    },
  };
  return store;
}

function busOver(store: ReturnType<typeof fakeStore>, maxPending?: number) {
  return new TickBus(store as unknown as TickStore, silent, 50, maxPending);
}

describe("TickBus", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("stores what was published within one window as one batch, then hands it to listeners", async () => {
    const store = fakeStore();
    const bus = busOver(store);
    const delivered: Tick[][] = [];
    bus.onStored((batch) => delivered.push([...batch]));
    bus.publish([tick(1)]);
    bus.publish([tick(2), tick(3)]);
    expect(store.stored).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(store.stored).toEqual([[tick(1), tick(2), tick(3)]]);
    expect(delivered).toEqual(store.stored);
  });

  it("keeps a batch whose write failed, pauses, retries every second and delivers it once stored", async () => {
    const store = fakeStore();
    const bus = busOver(store);
    const delivered: number[][] = [];
    const statuses: FeedStatus[] = [];
    bus.onStored((batch) => delivered.push(batch.map((t) => t.seq)));
    bus.status.on((s) => statuses.push(s));

    store.failing = new Error("database is locked\n    at some driver frame");
    bus.publish([tick(1), tick(2)]);
    await vi.advanceTimersByTimeAsync(50);
    expect(store.attempts).toBe(1);
    expect(delivered).toEqual([]);
    expect(bus.paused).toBe(true);
    expect(bus.backlog).toBe(2);
    expect(statuses).toEqual([
      { state: "paused", reason: "storage unavailable: database is locked", since: expect.any(Number), pending: 2 },
    ]);

    // Ticks published while paused queue behind the failed batch, in order.
    bus.publish([tick(3)]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.attempts).toBe(2);
    expect(statuses).toHaveLength(1); // still paused: said once, not per retry

    store.failing = null;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(delivered).toEqual([[1, 2, 3]]);
    expect(bus.paused).toBe(false);
    expect(bus.backlog).toBe(0);
    expect(statuses.at(-1)).toEqual({ state: "running" });
  });

  it("throws once pending ticks would pass the bound, and keeps what it already held", async () => {
    const store = fakeStore();
    const bus = busOver(store, 3);
    store.failing = new Error("down");
    bus.publish([tick(1), tick(2)]);
    await vi.advanceTimersByTimeAsync(50);
    bus.publish([tick(3)]); // exactly at the bound: accepted
    expect(() => bus.publish([tick(4)])).toThrow(/over 3 pending ticks/);
    expect(bus.backlog).toBe(3);
    store.failing = null;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.stored.flat().map((t) => t.seq)).toEqual([1, 2, 3]);
  });

  it("flush() stores at once and a listener that throws does not stop the others", async () => {
    const store = fakeStore();
    const bus = busOver(store);
    const seen: number[] = [];
    bus.onStored(() => {
      throw new Error("listener bug");
    });
    bus.onStored((batch) => seen.push(...batch.map((t) => t.seq)));
    bus.publish([tick(7)]);
    await bus.flush();
    expect(seen).toEqual([7]);
  });
});
