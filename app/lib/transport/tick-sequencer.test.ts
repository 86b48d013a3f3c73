import { describe, expect, it } from "vitest";
import type { Tick } from "../../../contract/model";
import { TickSequencer } from "./tick-sequencer";

const HMC = "005380.KS";
const KIA = "000270.KS";
const tick = (seq: number, symbol = HMC): Tick => ({
  symbol,
  seq,
  ts: 1_761_177_600_000 + seq * 1_000,
  price: 215_000,
  size: 1,
});
const seqs = (ticks: readonly Tick[]) => ticks.map((t) => `${t.symbol}#${t.seq}`);

describe("TickSequencer", () => {
  it("delivers consecutive ticks after the snapshot's seq", () => {
    const s = new TickSequencer();
    expect(s.snapshot(HMC, 10)).toEqual({ deliver: [], resume: [] });
    const step = s.batch([tick(11), tick(12)]);
    expect(seqs(step.deliver)).toEqual(["005380.KS#11", "005380.KS#12"]);
    expect(step.resume).toEqual([]);
    expect(s.lastSeq(HMC)).toBe(12);
  });

  it("drops duplicates and ticks at or below the last seq", () => {
    const s = new TickSequencer();
    s.snapshot(HMC, 10);
    s.batch([tick(11)]);
    const step = s.batch([tick(9), tick(11), tick(12), tick(12)]);
    expect(seqs(step.deliver)).toEqual(["005380.KS#12"]);
  });

  it("holds ticks that arrive before the snapshot, then delivers the new ones", () => {
    const s = new TickSequencer();
    expect(s.batch([tick(10), tick(11)]).deliver).toEqual([]);
    expect(seqs(s.snapshot(HMC, 10).deliver)).toEqual(["005380.KS#11"]);
  });

  it("asks to resume on a gap, holds what follows, and merges the answer in order", () => {
    const s = new TickSequencer();
    s.snapshot(HMC, 10);
    const gap = s.batch([tick(11), tick(14), tick(15)]);
    expect(seqs(gap.deliver)).toEqual(["005380.KS#11"]);
    expect(gap.resume).toEqual([{ symbol: HMC, afterSeq: 11 }]);
    // While the resume is out, a later batch neither delivers past the gap nor asks again.
    expect(s.batch([tick(16)])).toEqual({ deliver: [], resume: [] });
    const filled = s.resumed(HMC, [tick(12), tick(13), tick(14), tick(15)], false);
    expect(seqs(filled.deliver)).toEqual([
      "005380.KS#12",
      "005380.KS#13",
      "005380.KS#14",
      "005380.KS#15",
      "005380.KS#16",
    ]);
    expect(filled.resume).toEqual([]);
  });

  it("keeps asking while the server says there is more", () => {
    const s = new TickSequencer();
    s.snapshot(HMC, 0);
    s.batch([tick(5)]);
    const page = s.resumed(HMC, [tick(1), tick(2)], true);
    expect(seqs(page.deliver)).toEqual(["005380.KS#1", "005380.KS#2"]);
    expect(page.resume).toEqual([{ symbol: HMC, afterSeq: 2 }]);
    const last = s.resumed(HMC, [tick(3), tick(4), tick(5)], false);
    expect(seqs(last.deliver)).toEqual(["005380.KS#3", "005380.KS#4", "005380.KS#5"]);
    expect(last.resume).toEqual([]);
  });

  it("accepts the jump when a final resume has nothing to fill the gap", () => {
    const s = new TickSequencer();
    s.snapshot(HMC, 10);
    s.batch([tick(13)]);
    const step = s.resumed(HMC, [], false);
    expect(seqs(step.deliver)).toEqual(["005380.KS#13"]);
    expect(step.resume).toEqual([]);
  });

  it("treats a newer snapshot seq as missed ticks", () => {
    const s = new TickSequencer();
    s.snapshot(HMC, 10);
    expect(s.snapshot(HMC, 12).resume).toEqual([{ symbol: HMC, afterSeq: 10 }]);
    expect(s.snapshot(HMC, 9).resume).toEqual([]);
  });

  it("resumes every known symbol after a reconnect, once each", () => {
    const s = new TickSequencer();
    s.snapshot(HMC, 10);
    s.snapshot(KIA, 3);
    s.batch([tick(1, "^KS11")]); // no snapshot yet: nothing to resume from
    expect(s.reconnected()).toEqual([
      { symbol: HMC, afterSeq: 10 },
      { symbol: KIA, afterSeq: 3 },
    ]);
    expect(s.reconnected()).toEqual([]);
    s.resumeFailed(HMC);
    expect(s.reconnected()).toEqual([{ symbol: HMC, afterSeq: 10 }]);
  });

  it("keeps symbols apart within one batch", () => {
    const s = new TickSequencer();
    s.snapshot(HMC, 1);
    s.snapshot(KIA, 7);
    const step = s.batch([tick(2), tick(8, KIA), tick(4), tick(9, KIA)]);
    expect(seqs(step.deliver)).toEqual(["005380.KS#2", "000270.KS#8", "000270.KS#9"]);
    expect(step.resume).toEqual([{ symbol: HMC, afterSeq: 2 }]);
  });
});
