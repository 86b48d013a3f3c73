import { describe, expect, it } from "vitest";
import { importTicks } from "../../../server/import/import-ticks";
import type { Store } from "../../../server/store/store";
import { fixture, importCollectingSkips, tempStoreEachTest } from "./temp-store";

let store: Store;
tempStoreEachTest((s) => (store = s));

describe("tick CSV (ts,price,size)", () => {
  it("stores one tick per good row, ISO with offset and epoch ms alike, trades sharing a millisecond kept", async () => {
    const { summary, skipped } = await importCollectingSkips(store, {
      symbol: "000270.KS",
      file: fixture("ticks.csv"),
    });
    expect(summary).toMatchObject({
      format: "ticks",
      resolution: "tick",
      ticks: 6,
      rows: 10,
      skipped: 4,
      firstSeq: 1,
      lastSeq: 6,
    });
    expect(skipped).toEqual([
      { line: 7, message: expect.stringMatching(/needs a UTC offset/) },
      { line: 8, message: expect.stringMatching(/price "abc" is not a number/) },
      { line: 9, message: expect.stringMatching(/size "1.5" is not a whole number/) },
      { line: 11, message: expect.stringMatching(/outside the KRX session/) },
    ]);
    const ticks = await store.ticks.find({ symbol: "000270.KS", limit: 100 });
    const open = Date.parse("2025-10-22T09:00:00+09:00");
    expect(ticks.map((t) => [t.seq, t.ts - open, t.price, t.size])).toEqual([
      [1, 0, 215_000, 10],
      [2, 250, 215_500, 3],
      [3, 1_000, 215_500, 7],
      [4, 1_000, 215_000, 2],
      [5, 2_000, 214_500, 5],
      [6, 6_000, 214_000, 4],
    ]);
  });

  it("numbers after ticks the symbol already has, and refuses a file that starts at or before them", async () => {
    await store.ticks.append([
      { symbol: "000270.KS", seq: 1, ts: Date.parse("2025-10-21T15:00:00+09:00"), price: 214_000, size: 1 },
    ]);
    const summary = await importTicks(store, { symbol: "000270.KS", file: fixture("ticks.csv") });
    expect(summary).toMatchObject({ firstSeq: 2, lastSeq: 7 });

    const before = await store.ticks.count();
    await expect(importTicks(store, { symbol: "000270.KS", file: fixture("ticks.csv") })).rejects.toThrow(
      /is not after the last stored tick/,
    );
    expect(await store.ticks.count()).toBe(before);
  });
});
