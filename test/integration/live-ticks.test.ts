import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Snapshot, Tick } from "../../contract/model";
import { type TestSocket, connectClient, request } from "../support/connect-client";
import { getOk } from "../support/http";
import { type TestApp, removeDb, startTestApp } from "../support/start-test-app";
import { TickCollector, firstSeqBreak } from "../support/tick-collector";
import { waitFor } from "../support/wait-for";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
// Enough to span many stored batches (the bus writes one every ~50-100 ms).
const MIN_TICKS = 400;
const MIN_BATCHES = 10;

let app: TestApp;
let socket: TestSocket;
let collector: TickCollector;
let snapshots: Snapshot[];
// A second viewer that follows one symbol of the three the feed sends.
const ONLY = "000270.KS";
let single: TestSocket;
let singleCollector: TickCollector;

beforeAll(async () => {
  app = await startTestApp();
  socket = await connectClient(app.url);
  // Listening before subscribing: a batch may arrive before the ack (see the seq test).
  collector = new TickCollector(socket);
  const answer = await request(socket, "subscribe", { symbols: SYMBOLS });
  if (!answer.ok) throw new Error(`subscribe failed: ${JSON.stringify(answer.error)}`);
  snapshots = answer.snapshots;
  single = await connectClient(app.url);
  singleCollector = new TickCollector(single);
  expect(await request(single, "subscribe", { symbols: [ONLY] })).toMatchObject({ ok: true });
  await waitFor(
    `${MIN_TICKS} live ticks in ${MIN_BATCHES}+ batches for every symbol`,
    () =>
      SYMBOLS.every(
        (s) => collector.after(s, seqOf(s)).length >= MIN_TICKS && collector.batchCount(s) >= MIN_BATCHES,
      ) && singleCollector.batchCount(ONLY) >= MIN_BATCHES,
  );
  collector.close();
  singleCollector.close();
});

afterAll(async () => {
  socket?.close();
  single?.close();
  await app?.close();
  if (app) await removeDb(app.dbFile);
});

function seqOf(symbol: string): number {
  return snapshots.find((s) => s.symbol === symbol)!.seq;
}

describe("subscribe", () => {
  it("acks one snapshot per symbol: seq, last tick and previous close", async () => {
    expect(snapshots.map((s) => s.symbol).sort()).toEqual([...SYMBOLS].sort());
    for (const snapshot of snapshots) {
      expect(snapshot.seq).toBeGreaterThan(0);
      expect(snapshot.last).not.toBeNull();
      expect(snapshot.last!.symbol).toBe(snapshot.symbol);
      expect(snapshot.last!.seq).toBe(snapshot.seq);
      expect(snapshot.prevClose).toEqual(expect.any(Number));
      expect(snapshot.prevClose!).toBeGreaterThan(0);
      // The snapshot's last tick is a stored tick, byte for byte.
      const [stored] = await getOk<Tick[]>(
        app.url,
        `/api/ticks?symbol=${encodeURIComponent(snapshot.symbol)}&afterSeq=${snapshot.seq - 1}&limit=1`,
      );
      expect(stored).toEqual(snapshot.last);
    }
  });

  it("dedupes a repeated symbol", async () => {
    const other = await connectClient(app.url);
    try {
      const answer = await request(other, "subscribe", { symbols: ["005380.KS", "005380.KS"] });
      expect(answer.ok).toBe(true);
      if (answer.ok) expect(answer.snapshots.map((s) => s.symbol)).toEqual(["005380.KS"]);
    } finally {
      other.close();
    }
  });
});

describe("ticks batches", () => {
  it("carry only subscribed symbols (a viewer of one symbol gets none of the other two)", () => {
    expect(singleCollector.batches.length).toBeGreaterThanOrEqual(MIN_BATCHES);
    for (const batch of singleCollector.batches) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.filter((tick) => tick.symbol !== ONLY)).toEqual([]);
    }
  });

  it.each(SYMBOLS)("%s: seq continues from the snapshot with no gap and no duplicate", (symbol) => {
    const all = collector.ticks(symbol);
    const snapshotSeq = seqOf(symbol);
    // A batch stored while the subscribe was in flight may arrive before the ack; the
    // snapshot already covers it, so those seqs are at or below the snapshot's.
    const early = all.filter((t) => t.seq <= snapshotSeq);
    const live = collector.after(symbol, snapshotSeq);
    expect(all.slice(0, early.length)).toEqual(early);
    expect(live.length).toBeGreaterThanOrEqual(MIN_TICKS);
    expect(firstSeqBreak(live, snapshotSeq + 1)).toBeNull();
    for (const tick of live) {
      expect(tick).toMatchObject({
        symbol,
        ts: expect.any(Number),
        price: expect.any(Number),
        size: expect.any(Number),
        seq: expect.any(Number),
      });
      expect(Number.isInteger(tick.size) && tick.size > 0).toBe(true);
    }
    for (let i = 1; i < live.length; i++) expect(live[i]!.ts).toBeGreaterThanOrEqual(live[i - 1]!.ts);
  });

  it.each(SYMBOLS)("%s: the pushed ticks are the stored ticks (GET /api/ticks?afterSeq=)", async (symbol) => {
    const live = collector.after(symbol, seqOf(symbol));
    const stored: Tick[] = [];
    // Read back in pages, as a client would, until every pushed tick is covered.
    let afterSeq = seqOf(symbol);
    while (stored.length < live.length) {
      const page = await getOk<Tick[]>(
        app.url,
        `/api/ticks?symbol=${encodeURIComponent(symbol)}&afterSeq=${afterSeq}&limit=250`,
      );
      expect(page.length).toBeGreaterThan(0);
      stored.push(...page);
      afterSeq = page[page.length - 1]!.seq;
    }
    expect(stored.slice(0, live.length)).toEqual(live);
  });
});

describe("one frame per socket per stored batch", () => {
  it("a batch carries every subscribed symbol it has ticks of (not one frame per symbol)", () => {
    const mixed = collector.batches.filter((batch) => new Set(batch.map((t) => t.symbol)).size > 1);
    // The feed ticks every symbol each market second: nearly every batch holds several.
    expect(mixed.length).toBeGreaterThan(collector.batches.length / 2);
  });

  it("a second subscribe adds to the set: both symbols arrive in the same frames", async () => {
    const other = await connectClient(app.url);
    try {
      expect(await request(other, "subscribe", { symbols: ["005380.KS"] })).toMatchObject({ ok: true });
      expect(await request(other, "subscribe", { symbols: ["^KS11"] })).toMatchObject({ ok: true });
      const after = new TickCollector(other);
      await waitFor(
        "5 batches of both symbols",
        () => after.batchCount("^KS11") >= 5 && after.batchCount("005380.KS") >= 5,
      );
      after.close();
      expect(after.ticks("000270.KS")).toEqual([]);
      expect(after.batches.some((batch) => new Set(batch.map((t) => t.symbol)).size === 2)).toBe(true);
    } finally {
      other.close();
    }
  });
});

describe("resume", () => {
  it("returns exactly the stored ticks after a seq", async () => {
    const symbol = "000270.KS";
    const afterSeq = seqOf(symbol) + 100;
    const answer = await request(socket, "resume", { symbol, afterSeq });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.ticks.length).toBeGreaterThan(0);
    expect(firstSeqBreak(answer.ticks, afterSeq + 1)).toBeNull();
    expect(answer.more).toBe(answer.ticks.length === 10_000);
    // The same range read over HTTP: same numbers, same prices.
    const stored = await getOk<Tick[]>(
      app.url,
      `/api/ticks?symbol=${symbol}&afterSeq=${afterSeq}&limit=${answer.ticks.length}`,
    );
    expect(answer.ticks).toEqual(stored);
    // And what was pushed live for that range.
    const pushed = collector.after(symbol, afterSeq).slice(0, answer.ticks.length);
    expect(answer.ticks.slice(0, pushed.length)).toEqual(pushed);
  });

  it("pages from the start: 10,000 ticks from seq 1 and `more`", async () => {
    const answer = await request(socket, "resume", { symbol: "^KS11", afterSeq: 0 });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.ticks).toHaveLength(10_000);
    expect(firstSeqBreak(answer.ticks, 1)).toBeNull();
    expect(answer.more).toBe(true);
  });

  it("returns nothing after a seq past the last stored one", async () => {
    const answer = await request(socket, "resume", { symbol: "005380.KS", afterSeq: Number.MAX_SAFE_INTEGER });
    expect(answer).toMatchObject({ ok: true, ticks: [], more: false });
  });
});

describe("unsubscribe", () => {
  it("stops one symbol's ticks and keeps the others'", async () => {
    const other = await connectClient(app.url);
    try {
      const subscribed = await request(other, "subscribe", { symbols: ["005380.KS", "^KS11"] });
      expect(subscribed.ok).toBe(true);
      expect(await request(other, "unsubscribe", { symbols: ["005380.KS"] })).toMatchObject({ ok: true });
      // One frame per stored batch: batches of ^KS11 arriving after the ack would carry
      // 005380.KS too if the socket still followed it.
      const after = new TickCollector(other);
      await waitFor("5 batches of ^KS11 after unsubscribing", () => after.batchCount("^KS11") >= 5);
      after.close();
      expect(after.ticks("005380.KS")).toEqual([]);
    } finally {
      other.close();
    }
  });
});
