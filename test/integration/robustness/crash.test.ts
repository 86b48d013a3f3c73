import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Tick } from "../../../contract/model";
import { type TestSocket, connectClient, request } from "../../support/connect-client";
import { type NodeProcess, spawnNode } from "../../support/spawn-node";
import { removeDb, tempDbFile } from "../../support/start-test-app";
import { TickCollector } from "../../support/tick-collector";
import { waitFor } from "../../support/wait-for";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
const CRASHES = 3;
const dbFile = tempDbFile();
const env = { DATABASE_URL: `file:${dbFile}`, FEED: "simulate", FEED_SEED: "7", FEED_SPEED: "2000" };
const nodes: NodeProcess[] = [];

afterAll(async () => {
  for (const node of nodes) await node.stop().catch(() => undefined);
  await removeDb(dbFile);
});

/** A server on the shared file and a client receiving every symbol's live ticks. */
async function start(): Promise<{
  node: NodeProcess;
  socket: TestSocket;
  collector: TickCollector;
  snapshotSeqs: Map<string, number>;
}> {
  const node = await spawnNode(env);
  nodes.push(node);
  const socket = await connectClient(node.url);
  const collector = new TickCollector(socket);
  const answer = await request(socket, "subscribe", { symbols: SYMBOLS });
  if (!answer.ok) throw new Error(`subscribe failed: ${JSON.stringify(answer.error)}`);
  return { node, socket, collector, snapshotSeqs: new Map(answer.snapshots.map((s) => [s.symbol, s.seq])) };
}

interface FileState {
  integrity: string;
  /** Per symbol: lowest and highest seq and the row count. */
  seqs: Map<string, { min: number; max: number; count: number }>;
  tick(symbol: string, seq: number): Tick | undefined;
  close(): void;
}

// Opened read-write, as the next server would: SQLite replays the WAL the killed process left.
function openFile(): FileState {
  const db = new Database(dbFile);
  const integrity = (db.pragma("integrity_check", { simple: true }) as string) ?? "";
  const rows = db
    .prepare(`SELECT symbol, MIN(seq) AS min, MAX(seq) AS max, COUNT(*) AS count FROM "Tick" GROUP BY symbol`)
    .all() as {
    symbol: string;
    min: number;
    max: number;
    count: number;
  }[];
  const one = db.prepare(`SELECT symbol, seq, ts + 0 AS ts, price, size FROM "Tick" WHERE symbol = ? AND seq = ?`);
  return {
    integrity,
    seqs: new Map(rows.map((r) => [r.symbol, { min: r.min, max: r.max, count: r.count }])),
    tick: (symbol, seq) => {
      const row = one.get(symbol, seq) as (Omit<Tick, "ts"> & { ts: number | bigint }) | undefined;
      return row && { symbol: row.symbol, seq: row.seq, ts: Number(row.ts), price: row.price, size: row.size };
    },
    close: () => db.close(),
  };
}

const sameTick = (a: Tick | undefined, b: Tick) =>
  a !== undefined &&
  a.symbol === b.symbol &&
  a.seq === b.seq &&
  a.ts === b.ts &&
  a.price === b.price &&
  a.size === b.size;

/** Contiguous from 1: as many rows as the highest seq. */
function expectContiguous(state: FileState): void {
  for (const symbol of SYMBOLS) {
    const s = state.seqs.get(symbol);
    expect(s, symbol).toBeDefined();
    expect({ symbol, min: s!.min, count: s!.count }).toEqual({ symbol, min: 1, count: s!.max });
  }
}

describe("kill -9 mid-stream", () => {
  it(`${CRASHES} crashes: every tick a client saw is on disk, seqs stay contiguous and continue after restart`, async () => {
    let previousMax = new Map<string, number>();
    // The last stored tick of each symbol before the crash: a reused seq would overwrite it.
    let previousLast = new Map<string, Tick>();
    const expectUnchanged = (state: FileState) => {
      for (const [symbol, tick] of previousLast) expect(state.tick(symbol, tick.seq)).toEqual(tick);
    };
    for (let crash = 1; crash <= CRASHES; crash++) {
      const { node, socket, collector, snapshotSeqs } = await start();
      // The new server continues where the file ends: no seq reused.
      for (const [symbol, max] of previousMax) expect(snapshotSeqs.get(symbol)!, symbol).toBeGreaterThanOrEqual(max);
      await waitFor("300 live ticks per symbol", () => SYMBOLS.every((s) => collector.ticks(s).length >= 300));
      await node.kill9();
      socket.close();
      const received = SYMBOLS.flatMap((s) => collector.ticks(s));

      const state = openFile();
      try {
        expect(state.integrity).toBe("ok");
        expectContiguous(state);
        expectUnchanged(state);
        // Pushed only once stored: each received tick is on disk, byte for byte.
        const lost = received.filter((t) => !sameTick(state.tick(t.symbol, t.seq), t));
        expect(lost).toEqual([]);
        for (const symbol of SYMBOLS) {
          const max = state.seqs.get(symbol)!.max;
          expect(max).toBeGreaterThan(previousMax.get(symbol) ?? 0);
          // The first live tick after a restart follows the last stored one.
          const first = collector.ticks(symbol)[0];
          if (previousMax.has(symbol) && first) expect(first.seq).toBeGreaterThan(previousMax.get(symbol)!);
        }
        console.log(
          `crash ${crash}: received ${received.length} ticks, all on disk; max seq ${SYMBOLS.map((s) => `${s}=${state.seqs.get(s)!.max}`).join(", ")}; integrity ${state.integrity}`,
        );
        previousMax = new Map(SYMBOLS.map((s) => [s, state.seqs.get(s)!.max]));
        previousLast = new Map(SYMBOLS.map((s) => [s, state.tick(s, previousMax.get(s)!)!]));
      } finally {
        state.close();
      }
    }

    // A last, clean run on the crashed file: it grows from the last stored seq without a gap.
    const last = await start();
    await waitFor("100 more live ticks per symbol", () => SYMBOLS.every((s) => last.collector.ticks(s).length >= 100));
    for (const symbol of SYMBOLS) {
      const first = last.collector.ticks(symbol)[0]!;
      expect(first.seq).toBeGreaterThan(previousMax.get(symbol)!);
    }
    last.socket.close();
    await last.node.stop();
    const state = openFile();
    try {
      expect(state.integrity).toBe("ok");
      expectContiguous(state);
      expectUnchanged(state);
      for (const symbol of SYMBOLS) expect(state.seqs.get(symbol)!.max).toBeGreaterThan(previousMax.get(symbol)!);
    } finally {
      state.close();
    }
  });
});
