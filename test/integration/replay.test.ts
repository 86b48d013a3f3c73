import { afterAll, describe, expect, it } from "vitest";
import type { ReplayClock } from "../../contract/events";
import type { NewsItem, Tick } from "../../contract/model";
import { connectClient, request, type TestSocket } from "../support/connect-client";
import { getOk, storedTicks } from "../support/http";
import { useTestApp } from "../support/start-test-app";
import { waitFor } from "../support/wait-for";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
const SEED_NEWS = "seed-2025-10-22-korea-us-tariff-talks";
const at = (hhmm: string) => Date.parse(`2025-10-22T${hhmm}:00+09:00`);

/**
 * Everything one replay sends to its viewer, in arrival order. Events are kept whatever
 * their replayId and filtered when read: the first ticks can arrive in the same packet as
 * the `replay:start` ack, before the test's `await` has learned the id.
 */
class ReplayRecorder {
  private readonly events: {
    replayId: string;
    tick?: Tick;
    news?: { item: NewsItem; maxTsBefore: number };
    clock?: ReplayClock;
  }[] = [];

  constructor(
    socket: TestSocket,
    private readonly id: () => string | null,
  ) {
    socket.on("replay:ticks", (p) => {
      for (const tick of p.ticks) this.events.push({ replayId: p.replayId, tick });
    });
    socket.on("replay:news", (p) => {
      const maxTsBefore = Math.max(0, ...this.tickTimes(p.replayId));
      this.events.push({ replayId: p.replayId, news: { item: p.news, maxTsBefore } });
    });
    socket.on("replay:clock", (c) => this.events.push({ replayId: c.replayId, clock: c }));
  }

  get ticks(): Tick[] {
    return this.mine().flatMap((e) => (e.tick ? [e.tick] : []));
  }

  get news(): { item: NewsItem; maxTsBefore: number }[] {
    return this.mine().flatMap((e) => (e.news ? [e.news] : []));
  }

  get clocks(): ReplayClock[] {
    return this.mine().flatMap((e) => (e.clock ? [e.clock] : []));
  }

  get ended(): boolean {
    return this.clocks.at(-1)?.state === "ended";
  }

  private mine() {
    const id = this.id();
    return this.events.filter((e) => e.replayId === id);
  }

  private tickTimes(replayId: string): number[] {
    return this.events.flatMap((e) => (e.replayId === replayId && e.tick ? [e.tick.ts] : []));
  }
}

describe("replay", () => {
  const app = useTestApp({ env: { FEED: "off" } });
  const sockets: TestSocket[] = [];
  afterAll(() => {
    for (const s of sockets) s.close();
  });

  async function startReplay(payload: Record<string, unknown>) {
    const socket = await connectClient(app.url);
    sockets.push(socket);
    let id: string | null = null;
    const recorder = new ReplayRecorder(socket, () => id);
    const answer = await request(socket, "replay:start", payload);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    id = answer.replayId;
    return { socket, recorder, id };
  }

  it("delivers exactly the stored ticks of the range, in time order and seq order per symbol", async () => {
    const from = at("13:00");
    const to = at("13:20");
    const { recorder } = await startReplay({ symbols: SYMBOLS, from, to, speed: "max" });
    await waitFor("the replay to end", () => recorder.ended);
    const expected = await storedTicks(app.url, SYMBOLS, from, to);
    expect(recorder.ticks).toHaveLength(expected.length);
    const key = (t: Tick) => `${t.symbol}#${t.seq}`;
    expect(new Set(recorder.ticks.map(key))).toEqual(new Set(expected.map(key)));
    for (let i = 1; i < recorder.ticks.length; i++)
      expect(recorder.ticks[i]!.ts).toBeGreaterThanOrEqual(recorder.ticks[i - 1]!.ts);
    for (const symbol of SYMBOLS) {
      const seqs = recorder.ticks.filter((t) => t.symbol === symbol).map((t) => t.seq);
      expect(seqs).toEqual(expected.filter((t) => t.symbol === symbol).map((t) => t.seq));
    }
  });

  it("shows a headline only once the clock has passed it, after the ticks before it", async () => {
    const { recorder } = await startReplay({ symbols: ["005380.KS"], from: at("13:06"), to: at("13:08"), speed: 60 });
    await waitFor("the replay to end", () => recorder.ended);
    expect(recorder.news.map((n) => n.item.id)).toEqual([SEED_NEWS]);
    const publishedAt = Date.parse(recorder.news[0]!.item.publishedAt);
    expect(recorder.news[0]!.maxTsBefore).toBeLessThanOrEqual(publishedAt);
    expect(recorder.ticks.some((t) => t.ts > publishedAt)).toBe(true);
  });

  it("plays at about the requested speed, measured over the whole run", async () => {
    // Two market minutes at 60x: about two seconds of wall time.
    const started = performance.now();
    const { recorder } = await startReplay({ symbols: ["^KS11"], from: at("14:00"), to: at("14:02"), speed: 60 });
    await waitFor("the replay to end", () => recorder.ended);
    const wallSeconds = (performance.now() - started) / 1000;
    const effectiveSpeed = 120 / wallSeconds;
    console.info(`replay at 60x ran at ${effectiveSpeed.toFixed(1)}x over ${wallSeconds.toFixed(2)} s`);
    // Wide bounds: the machine may be loaded; playing at 1x or as fast as possible still fails.
    expect(effectiveSpeed).toBeGreaterThan(15);
    expect(effectiveSpeed).toBeLessThan(120);
    const expected = (await storedTicks(app.url, SYMBOLS, at("14:00"), at("14:02"))).filter(
      (t) => t.symbol === "^KS11",
    );
    expect(recorder.ticks).toHaveLength(expected.length);
  });

  it("stops delivering on pause, and a seek restarts at the first tick at or after the new time", async () => {
    const { socket, recorder, id } = await startReplay({
      symbols: ["^KS11"],
      from: at("10:00"),
      to: at("11:00"),
      speed: 10,
    });
    await waitFor("some ticks", () => recorder.ticks.length > 5);
    const paused = await request(socket, "replay:control", { replayId: id, action: "pause" });
    expect(paused.ok && paused.clock.state).toBe("paused");
    const countAtPause = recorder.ticks.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(recorder.ticks.length).toBe(countAtPause);

    const seekTo = at("10:30") + 500;
    const sought = await request(socket, "replay:control", { replayId: id, action: "seek", value: seekTo });
    expect(sought.ok && sought.clock.t).toBe(seekTo);
    const stepped = await request(socket, "replay:control", { replayId: id, action: "step", value: "tick" });
    expect(stepped.ok).toBe(true);
    const first = recorder.ticks[countAtPause]!;
    const [expected] = await getOk<Tick[]>(app.url, `/api/ticks?symbol=%5EKS11&from=${seekTo}&limit=1`);
    expect(first).toEqual(expected);
    expect(recorder.ticks).toHaveLength(countAtPause + 1);
  });

  it("jumps to the next headline and shows it", async () => {
    const { socket, recorder, id } = await startReplay({
      symbols: ["000270.KS"],
      from: at("09:00"),
      to: at("15:30"),
      speed: 1,
    });
    await request(socket, "replay:control", { replayId: id, action: "pause" });
    const jumped = await request(socket, "replay:control", { replayId: id, action: "next-news" });
    expect(jumped.ok && jumped.clock.t).toBe(at("13:07"));
    await waitFor("the headline", () => recorder.news.length === 1);
    expect(recorder.news[0]!.item.id).toBe(SEED_NEWS);
  });

  it("answers bad replay requests with an error and keeps the connection", async () => {
    const socket = await connectClient(app.url);
    sockets.push(socket);
    const bad = [
      { symbols: ["005380.KS"], from: at("13:00"), to: at("12:00"), speed: 1 },
      { symbols: ["005380.KS"], from: at("13:00"), to: at("13:00") + 30 * 86_400_000, speed: 1 },
      { symbols: ["005380.KS"], from: at("13:00"), to: at("14:00"), speed: 5000 },
      { symbols: ["999999.KS"], from: at("13:00"), to: at("14:00"), speed: 1 },
      { symbols: [], from: at("13:00"), to: at("14:00") },
    ];
    for (const payload of bad) {
      const answer = await request(socket, "replay:start", payload);
      expect(answer.ok).toBe(false);
    }
    const unknown = await request(socket, "replay:control", { replayId: "nope", action: "play" });
    expect(unknown.ok ? null : unknown.error.code).toBe("not_found");
    const ok = await request(socket, "replay:start", {
      symbols: ["^KS11"],
      from: at("13:00"),
      to: at("13:01"),
      speed: "max",
    });
    expect(ok.ok).toBe(true);
  });
});
