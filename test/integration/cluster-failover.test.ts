import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { Tick } from "../../contract/model";
import { connectClient, request, type TestSocket } from "../support/connect-client";
import { getOk } from "../support/http";
import { postgresAvailable } from "../support/postgres";
import { TEST_REDIS_URL, redisAvailable } from "../support/redis";
import { TwoNodes } from "../support/two-nodes";
import { waitFor } from "../support/wait-for";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];

// Two real server processes on one PostgreSQL database, joined by Redis: a viewer on node
// B sees node A's feed; A is killed with SIGKILL; B takes the feed over and the viewer's
// stream, after `resume`, has no seq gap and no duplicate.
describe("two nodes, PostgreSQL and Redis", async () => {
  const available = (await postgresAvailable()) && (await redisAvailable());
  const pair = new TwoNodes();
  let client: TestSocket | null = null;

  afterAll(async () => {
    client?.close();
    await pair.stop();
  });

  it.skipIf(!available)("fails over to the second node with no seq gap", async () => {
    const [a, b] = await pair.start({ redisUrl: TEST_REDIS_URL, env: { FEED_SPEED: "300" } });
    expect((await b.health())?.leader).toBe(false);

    client = await connectClient(b.url);
    // What the viewer holds, by seq: a repeated seq would have to carry the same tick.
    const held = new Map<string, Map<number, Tick>>(SYMBOLS.map((s) => [s, new Map()]));
    const duplicates: Tick[] = [];
    const hold = (tick: Tick) => {
      const bySeq = held.get(tick.symbol)!;
      const known = bySeq.get(tick.seq);
      if (known && !isDeepStrictEqual(known, tick)) duplicates.push(tick);
      bySeq.set(tick.seq, tick);
    };
    let pushed = 0;
    client.on("ticks", (batch) => {
      pushed += batch.length;
      batch.forEach(hold);
    });
    const sub = await request(client, "subscribe", { symbols: SYMBOLS });
    expect(sub.ok).toBe(true);

    await waitFor("node A's ticks to reach the viewer on node B", () => pushed > 50);
    const maxSeq = () => Math.max(0, ...held.get("^KS11")!.keys());
    const beforeKill = maxSeq();
    const killedAt = Date.now();
    await a.kill9();
    await waitFor("node B to take the feed over", async () => (await b.health())?.leader, {
      timeoutMs: 30_000,
      everyMs: 100,
    });
    const failoverMs = Date.now() - killedAt;
    await waitFor("ticks from node B's feed", () => maxSeq() > beforeKill + 20, { timeoutMs: 30_000 });
    console.info(`failover: node B led ${failoverMs} ms after node A was killed`);

    // What a client does after a gap: ask for everything after its last contiguous seq.
    const contiguous = (symbol: string) => {
      const bySeq = held.get(symbol)!;
      let seq = 0;
      while (bySeq.has(seq + 1)) seq++;
      return seq;
    };
    for (const symbol of SYMBOLS) {
      for (;;) {
        const answer = await request(client, "resume", { symbol, afterSeq: contiguous(symbol) });
        expect(answer.ok).toBe(true);
        if (!answer.ok || answer.ticks.length === 0) break;
        answer.ticks.forEach(hold);
      }
    }
    expect(duplicates).toEqual([]);
    for (const symbol of SYMBOLS) {
      const seqs = [...held.get(symbol)!.keys()].sort((x, y) => x - y);
      expect(seqs.length).toBeGreaterThan(0);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      const last = seqs.at(-1)!;
      const stored = await getOk<Tick[]>(
        b.url,
        `/api/ticks?symbol=${encodeURIComponent(symbol)}&afterSeq=${Math.max(0, last - 200)}&limit=200`,
      );
      expect(stored.map((t) => held.get(symbol)!.get(t.seq))).toEqual(stored);
    }
  });
});
