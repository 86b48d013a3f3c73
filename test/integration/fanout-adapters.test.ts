import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Health, Snapshot, Tick } from "../../contract/model";
import { type TestSocket, connectClient, request } from "../support/connect-client";
import { getOk } from "../support/http";
import { createTestDatabase, postgresAvailable } from "../support/postgres";
import { TEST_REDIS_URL, redisAvailable } from "../support/redis";
import { type TestApp, removeDb, startTestApp } from "../support/start-test-app";
import { TickCollector, firstSeqBreak } from "../support/tick-collector";
import { waitFor } from "../support/wait-for";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
const MIN_TICKS = 100;

/** Where the viewers connect, and how to tear it down. */
interface FanoutCluster {
  viewerUrl: string;
  close(): Promise<void>;
}

// The same fan-out behaviour over both Socket.IO adapters: one node with the in-memory
// adapter, and two nodes joined by the Redis streams adapter whose viewers sit on the node
// that does NOT run the feed, so every tick they get crossed Redis.
const adapters: { name: string; available: () => Promise<boolean>; start: () => Promise<FanoutCluster> }[] = [
  {
    name: "in-memory adapter (one node)",
    available: async () => true,
    async start() {
      const app = await startTestApp();
      return {
        viewerUrl: app.url,
        async close() {
          await app.close();
          await removeDb(app.dbFile);
        },
      };
    },
  },
  {
    name: "Redis adapter (viewers on the follower)",
    available: async () => (await redisAvailable()) && (await postgresAvailable()),
    async start() {
      const db = await createTestDatabase();
      const env = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, CLUSTER: `it-fanout-${randomUUID().slice(0, 8)}` };
      const apps: TestApp[] = [];
      const close = async () => {
        for (const app of apps.reverse()) await app.close();
        await db.drop();
      };
      try {
        const leader = await startTestApp({ env });
        apps.push(leader);
        await waitFor("the first node to lead", async () => (await getOk<Health>(leader.url, "/api/health")).leader);
        const follower = await startTestApp({ env });
        apps.push(follower);
        expect((await getOk<Health>(follower.url, "/api/health")).leader).toBe(false);
        return { viewerUrl: follower.url, close };
      } catch (error) {
        await close();
        throw error;
      }
    },
  },
];

describe.each(adapters)("fan-out over the $name", async (adapter) => {
  const available = await adapter.available();
  let cluster: FanoutCluster | null = null;
  const sockets: TestSocket[] = [];

  /** A viewer subscribed to `symbols`, collecting from before its subscribe. */
  async function viewer(symbols: string[]) {
    const socket = await connectClient(cluster!.viewerUrl);
    sockets.push(socket);
    const collector = new TickCollector(socket);
    const answer = await request(socket, "subscribe", { symbols });
    if (!answer.ok) throw new Error(`subscribe failed: ${JSON.stringify(answer.error)}`);
    const seq = (symbol: string) => answer.snapshots.find((s: Snapshot) => s.symbol === symbol)!.seq;
    return { socket, collector, seq };
  }

  beforeAll(async () => {
    if (available) cluster = await adapter.start();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await cluster?.close();
  });

  /**
   * What a client holds once it has filled gaps as the browser does: the ticks pushed after
   * `afterSeq` plus a `resume` from `afterSeq` up to the last of them, by seq. Throws on a duplicate seq
   * that carries a different tick.
   */
  async function filled(
    socket: TestSocket,
    symbol: string,
    afterSeq: number,
    pushed: readonly Tick[],
  ): Promise<Tick[]> {
    const bySeq = new Map<number, Tick>();
    const hold = (tick: Tick) => {
      const known = bySeq.get(tick.seq);
      if (known) expect(known, `seq ${tick.seq} twice`).toEqual(tick);
      bySeq.set(tick.seq, tick);
    };
    pushed.filter((t) => t.seq > afterSeq).forEach(hold);
    const firstPushed = Math.min(...bySeq.keys());
    const lastPushed = Math.max(...bySeq.keys());
    for (let from = afterSeq; from < firstPushed - 1;) {
      const answer = await request(socket, "resume", { symbol, afterSeq: from });
      if (!answer.ok) throw new Error(`resume failed: ${JSON.stringify(answer.error)}`);
      if (answer.ticks.length === 0) break;
      // A resume returns what is stored by now; only the span up to the pushed ticks is held.
      answer.ticks.filter((t) => t.seq <= lastPushed).forEach(hold);
      from = answer.ticks.at(-1)!.seq;
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Strictly ascending seqs: live frames never go back or repeat. */
  function expectAscending(ticks: readonly Tick[], symbol: string): void {
    const seqs = ticks.map((t) => t.seq);
    expect(seqs, symbol).toEqual([...new Set(seqs)].sort((a, b) => a - b));
  }

  // On a follower the snapshot comes from its market state, refreshed from the store every
  // few seconds, so live ticks may start past the snapshot's seq: the client fills that with
  // `resume` (app/lib/transport/tick-sequencer.ts), and so do these checks.
  it.skipIf(!available)(
    "every subscribed viewer gets every tick of its symbols, in seq order, and the same ticks",
    async () => {
      const all = await viewer(SYMBOLS);
      const two = await viewer(["005380.KS", "^KS11"]);
      await waitFor(
        `${MIN_TICKS} ticks of every symbol for both viewers`,
        () =>
          SYMBOLS.every((s) => all.collector.after(s, all.seq(s)).length >= MIN_TICKS) &&
          ["005380.KS", "^KS11"].every((s) => two.collector.after(s, two.seq(s)).length >= MIN_TICKS),
      );
      for (const v of [all, two]) {
        for (const symbol of v === all ? SYMBOLS : ["005380.KS", "^KS11"]) {
          const pushed = v.collector.after(symbol, v.seq(symbol));
          expectAscending(pushed, symbol);
          const held = await filled(v.socket, symbol, v.seq(symbol), pushed);
          expect(firstSeqBreak(held, v.seq(symbol) + 1), symbol).toBeNull();
        }
      }
      // Where both viewers were pushed a seq, they were pushed the same tick.
      for (const symbol of ["005380.KS", "^KS11"]) {
        const bySeq = new Map(all.collector.ticks(symbol).map((t) => [t.seq, t]));
        const shared = two.collector.ticks(symbol).filter((t) => bySeq.has(t.seq));
        expect(shared.length).toBeGreaterThan(0);
        expect(shared.map((t) => bySeq.get(t.seq))).toEqual(shared);
      }
    },
  );

  it.skipIf(!available)("sends a viewer none of the symbols it did not subscribe to", async () => {
    const one = await viewer(["000270.KS"]);
    await waitFor("10 batches for the one-symbol viewer", () => one.collector.batchCount("000270.KS") >= 10);
    expect(one.collector.batches.flat().filter((t) => t.symbol !== "000270.KS")).toEqual([]);
  });

  it.skipIf(!available)("a viewer that reconnects resumes by seq with no gap to the live stream", async () => {
    const symbol = "^KS11";
    const watcher = await viewer([symbol]);
    const first = await viewer([symbol]);
    await waitFor("ticks before the disconnect", () => first.collector.after(symbol, first.seq(symbol)).length >= 20);
    first.socket.close();
    const held = first.collector.ticks(symbol);
    const lastHeld = held.at(-1)!.seq;
    // Ticks go on while it is away (the watcher sees them).
    await waitFor(
      "50 ticks missed while disconnected",
      () => (watcher.collector.ticks(symbol).at(-1)?.seq ?? 0) > lastHeld + 50,
    );

    // A new connection: subscribe (live from there on), then resume from the last seq held.
    const again = await viewer([symbol]);
    await waitFor("live ticks after reconnecting", () => again.collector.after(symbol, again.seq(symbol)).length >= 20);
    const live = again.collector.ticks(symbol).filter((t) => t.seq > lastHeld);
    expectAscending(live, symbol);
    const resumed = await filled(again.socket, symbol, lastHeld, live);
    expect(resumed[0]!.seq).toBe(lastHeld + 1);
    expect(resumed.length).toBeGreaterThan(50);
    const before = await filled(again.socket, symbol, first.seq(symbol), held);
    expect(firstSeqBreak([...before, ...resumed], first.seq(symbol) + 1)).toBeNull();
  });
});
