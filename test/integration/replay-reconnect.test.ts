import { afterAll, describe, expect, it } from "vitest";
import type { ReplayClock, ReplayPosition } from "../../contract/events";
import type { NewsItem, Tick } from "../../contract/model";
import { connectClient, request, type TestSocket } from "../support/connect-client";
import { storedTicks } from "../support/http";
import { type TestApp, useTestApp } from "../support/start-test-app";
import { waitFor } from "../support/wait-for";

const SYMBOLS = ["005380.KS", "000270.KS"];
const SEED_NEWS = "seed-2025-10-22-korea-us-tariff-talks";
const at = (hhmm: string) => Date.parse(`2025-10-22T${hhmm}:00+09:00`);
// Around the shipped headline (13:07), so it too must arrive exactly once.
const FROM = at("13:04");
const TO = at("13:10");

type Event =
  | { kind: "clock"; clock: ReplayClock }
  | { kind: "ticks"; ticks: Tick[]; epoch?: number | undefined }
  | { kind: "news"; news: NewsItem; t?: number | undefined; epoch?: number | undefined };

/** What one connection received of one replay, and the position a viewer would resume from. */
class Viewer {
  readonly events: Event[] = [];
  constructor(socket: TestSocket) {
    socket.on("replay:clock", (clock) => this.events.push({ kind: "clock", clock }));
    socket.on("replay:ticks", (p) => this.events.push({ kind: "ticks", ticks: p.ticks, epoch: p.epoch }));
    socket.on("replay:news", (p) => this.events.push({ kind: "news", news: p.news, t: p.t, epoch: p.epoch }));
  }
  get ticks(): Tick[] {
    return this.events.flatMap((e) => (e.kind === "ticks" ? e.ticks : []));
  }
  get news(): NewsItem[] {
    return this.events.flatMap((e) => (e.kind === "news" ? [e.news] : []));
  }
  get ended(): boolean {
    return this.events.some((e) => e.kind === "clock" && e.clock.state === "ended");
  }
  position(replayId: string): ReplayPosition {
    const clocks = this.events.flatMap((e) => (e.kind === "clock" ? [e.clock] : []));
    const epoch = Math.max(0, ...this.events.map((e) => (e.kind === "clock" ? (e.clock.epoch ?? 0) : (e.epoch ?? 0))));
    const after: Record<string, number> = {};
    let lastNewsId: string | undefined;
    for (const e of this.events) {
      if (e.kind === "ticks" && e.epoch === epoch) for (const t of e.ticks) after[t.symbol] = t.seq;
      if (e.kind === "news" && e.epoch === epoch) lastNewsId = e.news.id;
    }
    return { replayId, epoch, t: clocks.at(-1)?.t ?? FROM, after, ...(lastNewsId && { lastNewsId }) };
  }
}

const stored = (app: TestApp) => storedTicks(app.url, SYMBOLS, FROM, TO);

const key = (t: Tick) => `${t.symbol}#${t.seq}`;

/** Every stored tick of the range exactly once, in seq order per symbol. */
function expectExactlyOnce(received: Tick[], expected: Tick[]): void {
  const keys = received.map(key);
  expect(keys.length - new Set(keys).size, "ticks received twice").toBe(0);
  expect(new Set(keys)).toEqual(new Set(expected.map(key)));
  for (const symbol of SYMBOLS) {
    const seqs = received.filter((t) => t.symbol === symbol).map((t) => t.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  }
}

describe("a replay survives its connection", () => {
  const app = useTestApp({ env: { FEED: "off" } });
  const sockets: TestSocket[] = [];
  afterAll(() => {
    for (const s of sockets) s.close();
  });

  it("a dropped transport that Socket.IO recovers: the replay goes on and ends, every tick once", async () => {
    const socket = await connectClient(app.url, {
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    sockets.push(socket);
    const viewer = new Viewer(socket);
    const started = await request(socket, "replay:start", { symbols: SYMBOLS, from: FROM, to: TO, speed: 60 });
    if (!started.ok) throw new Error(started.error.message);
    await waitFor("some replayed ticks", () => viewer.ticks.length > 20);
    const before = viewer.ticks.length;
    socket.io.engine.close();
    await waitFor("the reconnection", () => socket.connected);
    expect(socket.recovered).toBe(true);
    await waitFor("the replay to end", () => viewer.ended, { timeoutMs: 60_000 });
    const expected = await stored(app);
    expect(before).toBeLessThan(expected.length);
    expectExactlyOnce(viewer.ticks, expected);
    expect(viewer.news.map((n) => n.id)).toEqual([SEED_NEWS]);
  });

  it("a new connection takes the replay over with replay:resume: no tick twice, none missing", async () => {
    const first = await connectClient(app.url);
    sockets.push(first);
    const a = new Viewer(first);
    const started = await request(first, "replay:start", { symbols: SYMBOLS, from: FROM, to: TO, speed: 60 });
    if (!started.ok) throw new Error(started.error.message);
    const replayId = started.replayId;
    await waitFor("some replayed ticks", () => a.ticks.length > 20);
    // A drop the server cannot tell from a network failure, and no way back for this socket.
    first.io.engine.close();
    await waitFor("the drop", () => !first.connected);

    const second = await connectClient(app.url);
    sockets.push(second);
    // While the old connection still holds it, nobody else may take a replay over.
    const b = new Viewer(second);
    const resumed = await request(second, "replay:resume", a.position(replayId));
    expect(resumed.ok, JSON.stringify(resumed)).toBe(true);
    await waitFor("the replay to end", () => b.ended, { timeoutMs: 60_000 });
    const expected = await stored(app);
    expect(a.ticks.length).toBeLessThan(expected.length);
    expectExactlyOnce([...a.ticks, ...b.ticks], expected);
    const headlines = [...a.news, ...b.news].map((n) => n.id);
    expect(headlines).toEqual([SEED_NEWS]);
  });

  it("a replay held by a live connection cannot be taken over, and an unknown one answers not_found", async () => {
    const owner = await connectClient(app.url);
    const other = await connectClient(app.url);
    sockets.push(owner, other);
    const started = await request(owner, "replay:start", { symbols: SYMBOLS, from: FROM, to: TO, speed: 1 });
    if (!started.ok) throw new Error(started.error.message);
    const taken = await request(other, "replay:resume", { replayId: started.replayId, epoch: 1, t: FROM, after: {} });
    expect(taken.ok ? null : taken.error.code).toBe("not_found");
    const unknown = await request(other, "replay:resume", { replayId: "nope", epoch: 1, t: FROM, after: {} });
    expect(unknown.ok ? null : unknown.error.code).toBe("not_found");
  });

  it("replay:news carries the clock that passed it, and that clock arrives first", async () => {
    const socket = await connectClient(app.url);
    sockets.push(socket);
    const viewer = new Viewer(socket);
    const started = await request(socket, "replay:start", {
      symbols: ["005380.KS"],
      from: at("13:06"),
      to: at("13:08"),
      speed: 30,
    });
    if (!started.ok) throw new Error(started.error.message);
    await waitFor("the replay to end", () => viewer.ended, { timeoutMs: 60_000 });
    const index = viewer.events.findIndex((e) => e.kind === "news");
    const news = viewer.events[index] as Extract<Event, { kind: "news" }>;
    const publishedAt = Date.parse(news.news.publishedAt);
    expect(news.t).toBeGreaterThanOrEqual(publishedAt);
    const lastClock = viewer.events.slice(0, index).findLast((e) => e.kind === "clock") as Extract<
      Event,
      { kind: "clock" }
    >;
    expect(lastClock.clock.t).toBeGreaterThanOrEqual(publishedAt);
    expect(lastClock.clock.t).toBe(news.t);
  });
});
