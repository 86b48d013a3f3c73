import { describe, expect, it } from "vitest";
import type { Tick } from "../../../contract/model";
import { RECENT_TRADES, applySnapshot, applyTicks, changeOf, emptyQuote, withEarlierTrades } from "./quote";

const HMC = "005380.KS";
// 15:29 Seoul on 22 Oct, and 09:00 Seoul on 23 Oct 2025.
const LATE_22 = Date.UTC(2025, 9, 22, 6, 29);
const OPEN_23 = Date.UTC(2025, 9, 23, 0, 0);
const tick = (seq: number, ts: number, price: number): Tick => ({ symbol: HMC, seq, ts, price, size: 10 });

describe("quote", () => {
  it("takes last price and previous close from the snapshot", () => {
    const q = applySnapshot(emptyQuote(HMC), {
      symbol: HMC,
      seq: 5,
      last: tick(5, LATE_22, 218_000),
      prevClose: 215_000,
    });
    expect(q.ready).toBe(true);
    expect(q.last?.price).toBe(218_000);
    expect(changeOf(q)).toEqual({ abs: 3_000, pct: 3_000 / 215_000 });
  });

  it("is ready but empty for a symbol without ticks", () => {
    const q = applySnapshot(emptyQuote(HMC), { symbol: HMC, seq: 0, last: null, prevClose: null });
    expect(q.ready).toBe(true);
    expect(changeOf(q)).toBeNull();
  });

  it("rolls the previous close over on the first tick of a new session", () => {
    let q = applySnapshot(emptyQuote(HMC), {
      symbol: HMC,
      seq: 5,
      last: tick(5, LATE_22, 218_000),
      prevClose: 215_000,
    });
    q = applyTicks(q, [tick(6, LATE_22 + 30_000, 218_500), tick(7, OPEN_23, 219_000)]);
    expect(q.prevClose).toBe(218_500);
    expect(changeOf(q)?.abs).toBe(500);
    expect(q.day).toBe("2025-10-23");
  });

  it("keeps the newest trades first, at most RECENT_TRADES", () => {
    let q = emptyQuote(HMC);
    const total = RECENT_TRADES + 5;
    for (let seq = 1; seq <= total; seq++) q = applyTicks(q, [tick(seq, OPEN_23 + seq, 200_000 + seq)]);
    expect(q.recent).toHaveLength(RECENT_TRADES);
    expect(q.recent[0]?.seq).toBe(total);
    expect(q.recent.at(-1)?.seq).toBe(6);
  });

  it("does not go back in time for a stale snapshot, but takes its previous close for the same day", () => {
    let q = applySnapshot(emptyQuote(HMC), { symbol: HMC, seq: 5, last: tick(5, OPEN_23, 219_000), prevClose: null });
    q = applyTicks(q, [tick(6, OPEN_23 + 1_000, 219_500)]);
    q = applySnapshot(q, { symbol: HMC, seq: 5, last: tick(5, OPEN_23, 219_000), prevClose: 218_500 });
    expect(q.last?.seq).toBe(6);
    expect(q.prevClose).toBe(218_500);
  });

  it("merges earlier trades under the live ones without duplicates", () => {
    let q = applyTicks(emptyQuote(HMC), [tick(9, OPEN_23 + 9, 1), tick(10, OPEN_23 + 10, 2)]);
    q = withEarlierTrades(q, [tick(7, OPEN_23 + 7, 3), tick(8, OPEN_23 + 8, 4), tick(9, OPEN_23 + 9, 1)]);
    expect(q.recent.map((t) => t.seq)).toEqual([10, 9, 8, 7]);
  });
});
