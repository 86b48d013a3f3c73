import { afterAll, describe, expect, it } from "vitest";
import type { Instrument, Tick } from "../../../contract/model";
import { Random } from "../../../domain/simulator/random";
import { getOk } from "../../support/http";
import { useTestApp } from "../../support/start-test-app";
import { sleep, waitFor } from "../../support/wait-for";
import { ResumingClient } from "./resuming-client";

const DROPS = 100;
const SEED = 20251022;
// Market seconds per wall second: a few hundred ticks a second across the symbols.
const FEED_SPEED = "2000";

const app = useTestApp({ env: { FEED_SPEED } });
let client: ResumingClient;

afterAll(async () => {
  client?.close();
});

/** Every stored tick of `symbol` after `afterSeq`, paging through the API. */
async function storedAfter(symbol: string, afterSeq: number): Promise<Tick[]> {
  const all: Tick[] = [];
  for (let after = afterSeq; ;) {
    const page = await getOk<Tick[]>(
      app.url,
      `/api/ticks?symbol=${encodeURIComponent(symbol)}&afterSeq=${after}&limit=10000`,
    );
    all.push(...page);
    if (page.length < 10_000) return all;
    after = page[page.length - 1]!.seq;
  }
}

interface Comparison {
  stored: number;
  held: number;
  missing: number;
  duplicated: number;
  different: number;
}

const sameTick = (a: Tick, b: Tick) =>
  a.symbol === b.symbol && a.seq === b.seq && a.ts === b.ts && a.price === b.price && a.size === b.size;

function compare(stored: readonly Tick[], held: readonly Tick[]): Comparison {
  const bySeq = new Map<number, Tick>();
  let duplicated = 0;
  for (const tick of held) {
    if (bySeq.has(tick.seq)) duplicated++;
    bySeq.set(tick.seq, tick);
  }
  let missing = 0;
  let different = 0;
  for (const tick of stored) {
    const mine = bySeq.get(tick.seq);
    if (!mine) missing++;
    else if (!sameTick(mine, tick)) {
      if (different++ === 0) console.log("first difference", mine, tick);
    }
  }
  return { stored: stored.length, held: held.length, missing, duplicated, different };
}

describe("fault injection: 100 dropped connections in a fast stream", () => {
  it("leaves the client holding exactly the stored ticks: 0 missing, 0 duplicated", async () => {
    const symbols = (await getOk<Instrument[]>(app.url, "/api/instruments")).map((i) => i.symbol);
    client = new ResumingClient(app.url, symbols);
    await client.start();
    const started = performance.now();

    const random = new Random(SEED);
    const next = (min: number, max: number) => min + Math.floor(random.uniform() * (max - min + 1));
    const kinds = { transport: 0, reconnect: 0, fresh: 0 };
    for (let i = 0; i < DROPS; i++) {
      await waitFor(`reconnection before drop ${i + 1}`, () => client.socket.connected, { everyMs: 5 });
      // Anywhere from "the instant it connected" (subscribe and resumes still in flight)
      // to a few live batches later.
      await sleep(next(0, 150));
      const kind = (["transport", "reconnect", "fresh"] as const)[next(0, 2)]!;
      kinds[kind]++;
      if (kind === "transport") {
        // The transport dies under the socket: the Manager reconnects and Connection State
        // Recovery may restore the session (rooms and the packets it missed).
        client.socket.io.engine.close();
      } else {
        client.socket.disconnect();
        // socket.io-adapter keeps a session after restoring it, so this same socket may
        // "recover" an older session on reconnect; forgetting its id makes it start anew,
        // as a reloaded page does, and exercises the path where rooms are joined again.
        if (kind === "fresh") delete (client.socket as unknown as { _pid?: string })._pid;
        client.socket.connect();
      }
    }
    await waitFor("the last reconnection", () => client.socket.connected);
    const streamMs = performance.now() - started;

    await app.ctx.feed.stop();
    // The last batches may still be on the wire, and may open a hole that needs a resume.
    await sleep(300);
    await waitFor("the client's resumes to settle", () => client.settled);
    const before = new Map(symbols.map((s) => [s, client.ticks(s).length]));
    const filledAtEnd = new Map<string, number>();
    for (const symbol of symbols) filledAtEnd.set(symbol, await client.resumeToEnd(symbol));

    const results = new Map<string, Comparison>();
    for (const symbol of symbols) {
      const { base } = client.range(symbol)!;
      results.set(symbol, compare(await storedAfter(symbol, base), client.ticks(symbol)));
    }

    const totals = [...results.values()].reduce(
      (sum, r) => ({
        stored: sum.stored + r.stored,
        held: sum.held + r.held,
        missing: sum.missing + r.missing,
        duplicated: sum.duplicated + r.duplicated,
        different: sum.different + r.different,
      }),
      { stored: 0, held: 0, missing: 0, duplicated: 0, different: 0 },
    );
    console.log(
      [
        `fault injection: ${DROPS} drops (${kinds.transport} transport, ${kinds.reconnect} disconnect+connect, ${kinds.fresh} new session) over ${(streamMs / 1000).toFixed(1)} s, seed ${SEED}`,
        `  client: ${JSON.stringify(client.stats)}`,
        ...symbols.map(
          (s) =>
            `  ${s}: ${JSON.stringify(results.get(s))}, held before the final resume ${before.get(s)}, filled by it ${filledAtEnd.get(s)}`,
        ),
        `  total: stored ${totals.stored}, held ${totals.held}, missing ${totals.missing}, duplicated ${totals.duplicated}, different ${totals.different}`,
      ].join("\n"),
    );

    expect(client.stats.connects).toBe(DROPS + 1);
    // The stream was real and the drops really cost ticks that resume then brought back.
    expect(totals.stored).toBeGreaterThan(5_000);
    expect(client.stats.resumed).toBeGreaterThan(0);
    expect(Math.min(kinds.transport, kinds.reconnect, kinds.fresh)).toBeGreaterThan(20);
    // Both paths ran: sessions recovered, and sessions started anew with a subscribe.
    expect(client.stats.recovered).toBeGreaterThan(20);
    expect(client.stats.connects - client.stats.recovered).toBeGreaterThan(20);
    // The client caught up by itself during the stream; the final resume is only the proof.
    expect([...filledAtEnd.values()]).toEqual(symbols.map(() => 0));
    for (const [symbol, result] of results) {
      expect({ symbol, ...result }).toEqual({
        symbol,
        stored: result.stored,
        held: result.stored,
        missing: 0,
        duplicated: 0,
        different: 0,
      });
    }
  });
});
