import type { Socket as NetSocket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Notice } from "../../../contract/events";
import type { Tick } from "../../../contract/model";
import { Sequencer } from "../../../server/feed/sequencer";
import { type TestSocket, connectClient, request } from "../../support/connect-client";
import { type TestApp, removeDb, startTestApp } from "../../support/start-test-app";
import { TickCollector, firstSeqBreak } from "../../support/tick-collector";
import { waitFor } from "../../support/wait-for";

// A viewer that stops reading (its TCP socket paused) while the server pushes fast: the
// server must cut it off instead of queueing for it without end, keep serving the others,
// and tell it why once it is back. Without the bound the stalled viewer is never cut.
const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
const TICKS_PER_PUSH = 400;
const PUSH_EVERY_MS = 20;

let app: TestApp;
let healthy: TestSocket;
let stalled: TestSocket;
let collector: TickCollector;
let startSeq: Map<string, number>;
let pump: NodeJS.Timeout | null = null;

const underlying = (socket: TestSocket): NetSocket =>
  (socket.io.engine as unknown as { transport: { ws: { _socket: NetSocket } } }).transport.ws._socket;

beforeAll(async () => {
  app = await startTestApp({ env: { FEED: "off" } });
  healthy = await connectClient(app.url, { auth: { viewer: "healthy-viewer" } });
  collector = new TickCollector(healthy);
  const answer = await request(healthy, "subscribe", { symbols: SYMBOLS });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  startSeq = new Map(answer.snapshots.map((s) => [s.symbol, s.seq]));
  stalled = await connectClient(app.url, {
    auth: { viewer: "stalled-viewer" },
    reconnection: true,
    reconnectionDelay: 100,
  });
  expect(await request(stalled, "subscribe", { symbols: SYMBOLS })).toMatchObject({ ok: true });
  await waitFor("two viewers on the server", () => app.viewers() === 2);

  underlying(stalled).pause();
  const sequencer = new Sequencer(startSeq);
  let ts = Date.now();
  pump = setInterval(() => {
    const ticks: Tick[] = [];
    for (let i = 0; i < TICKS_PER_PUSH; i++) {
      const symbol = SYMBOLS[i % SYMBOLS.length]!;
      ticks.push(sequencer.number({ symbol, ts: ts++, price: 50_000, size: 1 }));
    }
    app.bus.publish(ticks);
  }, PUSH_EVERY_MS);
}, 60_000);

afterAll(async () => {
  if (pump) clearInterval(pump);
  healthy?.close();
  stalled?.close();
  await app?.close();
  if (app) await removeDb(app.dbFile);
});

describe("a viewer that stops reading", () => {
  it("is disconnected by the server while the feed runs, the other viewer stays", async () => {
    await waitFor("the server to cut the stalled viewer", () => app.viewers() === 1, { timeoutMs: 90_000 });
    expect(healthy.connected).toBe(true);
  }, 100_000);

  it("the other viewer got every tick, in order, with no gap", async () => {
    clearInterval(pump!);
    pump = null;
    await app.bus.flush();
    const last = await app.ctx.store.ticks.lastTicks();
    await waitFor("the healthy viewer to receive every stored tick", () =>
      SYMBOLS.every((s) => collector.after(s, startSeq.get(s)!).length === last.get(s)!.seq - startSeq.get(s)!),
    );
    for (const symbol of SYMBOLS)
      expect(firstSeqBreak(collector.after(symbol, startSeq.get(symbol)!), startSeq.get(symbol)! + 1)).toBeNull();
  });

  it("reconnects once it reads again and is told why it was cut", async () => {
    const notices: Notice[] = [];
    stalled.on("notice", (notice) => notices.push(notice));
    underlying(stalled).resume();
    await waitFor(
      "the stalled viewer to reconnect and get the notice",
      () => notices.some((n) => n.code === "slow_consumer"),
      { timeoutMs: 60_000 },
    );
    expect(stalled.connected).toBe(true);
    expect(notices.find((n) => n.code === "slow_consumer")!.message).toMatch(/fell too far behind/);
    // A new connection that was never cut hears nothing.
    const fresh = await connectClient(app.url, { auth: { viewer: "another-viewer" } });
    const heard: Notice[] = [];
    fresh.on("notice", (notice) => heard.push(notice));
    expect(await request(fresh, "subscribe", { symbols: ["^KS11"] })).toMatchObject({ ok: true });
    fresh.close();
    expect(heard).toEqual([]);
  }, 90_000);
});
