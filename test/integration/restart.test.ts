import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Tick } from "../../contract/model";
import { connectClient, request } from "../support/connect-client";
import { getOk } from "../support/http";
import { type TestApp, removeDb, startTestApp, tempDbFile } from "../support/start-test-app";
import { TickCollector, firstSeqBreak } from "../support/tick-collector";
import { waitFor } from "../support/wait-for";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
const dbFile = tempDbFile();
const running: TestApp[] = [];

afterAll(async () => {
  for (const app of running) await app.close().catch(() => undefined);
  await removeDb(dbFile);
});

/** Starts an app on the shared file and waits until each symbol has `min` live ticks. */
async function runUntilTicks(
  min: number,
): Promise<{ app: TestApp; firstLive: Map<string, Tick>; snapshotSeqs: Map<string, number> }> {
  const app = await startTestApp({ dbFile });
  running.push(app);
  const socket = await connectClient(app.url);
  const collector = new TickCollector(socket);
  const answer = await request(socket, "subscribe", { symbols: SYMBOLS });
  if (!answer.ok) throw new Error(`subscribe failed: ${JSON.stringify(answer.error)}`);
  const snapshotSeqs = new Map(answer.snapshots.map((s) => [s.symbol, s.seq]));
  await waitFor(`${min} live ticks per symbol`, () =>
    SYMBOLS.every((s) => collector.after(s, snapshotSeqs.get(s)!).length >= min),
  );
  const firstLive = new Map(SYMBOLS.map((s) => [s, collector.after(s, snapshotSeqs.get(s)!)[0]!]));
  for (const s of SYMBOLS)
    expect(firstSeqBreak(collector.after(s, snapshotSeqs.get(s)!), snapshotSeqs.get(s)! + 1)).toBeNull();
  collector.close();
  socket.close();
  return { app, firstLive, snapshotSeqs };
}

// What the file holds per symbol, read with the database closed by the app.
function storedSeqs(): Map<string, { max: number; count: number; min: number; lastTs: number }> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT symbol, MAX(seq) AS max, MIN(seq) AS min, COUNT(*) AS count, MAX(ts) AS lastTs FROM "Tick" GROUP BY symbol`,
      )
      .all() as { symbol: string; max: number; min: number; count: number; lastTs: number | bigint }[];
    return new Map(rows.map((r) => [r.symbol, { max: r.max, min: r.min, count: r.count, lastTs: Number(r.lastTs) }]));
  } finally {
    db.close();
  }
}

describe("restart on the same database", () => {
  it("continues every symbol's seq from the last stored one: no gap, no reuse", async () => {
    const first = await runUntilTicks(200);
    await first.app.close();
    running.length = 0;

    const before = storedSeqs();
    for (const s of SYMBOLS) {
      const stored = before.get(s)!;
      // Contiguous from 1 on disk: as many rows as the highest seq.
      expect(stored).toMatchObject({ min: 1, count: stored.max });
      expect(stored.max).toBeGreaterThanOrEqual(first.snapshotSeqs.get(s)! + 200);
    }

    const second = await runUntilTicks(100);
    for (const s of SYMBOLS) {
      const { max, lastTs } = before.get(s)!;
      // The new server's snapshot starts at (or, if it stored ticks already, after) the old end.
      expect(second.snapshotSeqs.get(s)!).toBeGreaterThanOrEqual(max);
      // Read across the restart: ticks from both runs, seq and time both moving forward.
      const across = await getOk<Tick[]>(
        second.app.url,
        `/api/ticks?symbol=${encodeURIComponent(s)}&afterSeq=${max - 50}&limit=10000`,
      );
      expect(firstSeqBreak(across, max - 49)).toBeNull();
      expect(across.length).toBeGreaterThan(50);
      const firstAfter = across[50]!;
      expect(firstAfter.seq).toBe(max + 1);
      expect(firstAfter.ts).toBeGreaterThan(lastTs);
      for (let i = 1; i < across.length; i++) expect(across[i]!.ts).toBeGreaterThanOrEqual(across[i - 1]!.ts);
      // The live ticks the new server pushed are the stored ones.
      const live = second.firstLive.get(s)!;
      expect(across.find((t) => t.seq === live.seq)).toEqual(live);
    }
    await second.app.close();
    running.length = 0;

    const after = storedSeqs();
    for (const s of SYMBOLS) {
      const stored = after.get(s)!;
      expect(stored).toMatchObject({ min: 1, count: stored.max });
      expect(stored.max).toBeGreaterThan(before.get(s)!.max);
    }
  });
});
