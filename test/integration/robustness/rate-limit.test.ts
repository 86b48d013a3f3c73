import { afterAll, describe, expect, it, vi } from "vitest";
import { type TestSocket, connectClient, request } from "../../support/connect-client";
import { useTestApp } from "../../support/start-test-app";
import { sleep, withTimeout } from "../../support/wait-for";

// The limiter as a client meets it: a real server, real sockets, the default limits.
const app = useTestApp();
const open: TestSocket[] = [];

afterAll(async () => {
  for (const s of open) s.close();
});

async function client(): Promise<TestSocket> {
  const socket = await connectClient(app.url);
  open.push(socket);
  return socket;
}

async function closeAll(): Promise<void> {
  for (const s of open.splice(0)) s.close();
  // The address's bucket is forgotten with its last socket; let the server see them go.
  await sleep(100);
}

type Answer = { ok: boolean; error?: { code: string; message: string } };

/** Emits `count` events at once, without waiting between them, and collects the acks. */
function burst(socket: TestSocket, event: string, payload: unknown, count: number): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: count }, () => request(socket, event as "resume", payload) as Promise<Answer>),
  );
}

/** Tokens a bucket refilling at `perSecond` can have gained since `started` (plus one for rounding). */
const refilled = (perSecond: number, started: number) =>
  Math.ceil(((performance.now() - started) / 1000) * perSecond) + 1;

const RESUME = { symbol: "005380.KS", afterSeq: Number.MAX_SAFE_INTEGER };
const isLimited = (a: Answer) => !a.ok && a.error?.code === "rate_limited";
/** How many times the spied logger method was called with `message`. */
const warnings = (spy: { mock: { calls: unknown[][] } }, message: string) =>
  spy.mock.calls.filter((call) => call.includes(message)).length;

describe("per-socket limit", () => {
  it("acks events past the burst `rate_limited` without running their handler, and logs once", async () => {
    await closeAll();
    const find = vi.spyOn(app.ctx.store.ticks, "find");
    const warn = vi.spyOn(app.ctx.log, "warn");
    try {
      const socket = await client();
      const started = performance.now();
      const answers = await burst(socket, "resume", RESUME, 300);
      const served = answers.filter((a) => a.ok).length;
      const limited = answers.filter(isLimited);
      // The burst, plus at most what refilled while the 300 events crossed the wire.
      expect(served).toBeGreaterThanOrEqual(100);
      expect(served).toBeLessThanOrEqual(100 + refilled(50, started));
      expect(served + limited.length).toBe(300);
      expect(limited[0]!.error).toEqual({ code: "rate_limited", message: expect.any(String) });
      expect(find).toHaveBeenCalledTimes(served);
      expect(warnings(warn, "socket rate limited")).toBe(1);

      // Still connected, and served again once the bucket has refilled.
      await sleep(500);
      expect(socket.connected).toBe(true);
      expect(await request(socket, "subscribe", { symbols: ["005380.KS"] })).toMatchObject({ ok: true });
    } finally {
      find.mockRestore();
      warn.mockRestore();
    }
  });

  it("covers every client event, replay:* included", async () => {
    await closeAll();
    const socket = await client();
    const events: [string, unknown][] = [
      ["subscribe", { symbols: ["005380.KS"] }],
      ["unsubscribe", { symbols: ["005380.KS"] }],
      ["resume", RESUME],
      ["replay:start", { symbols: ["005380.KS"], from: 0, to: 1 }],
      ["replay:control", { replayId: "x", action: "play" }],
      ["replay:stop", { replayId: "x" }],
    ];
    // All sent at once behind a burst that empties the bucket, the kinds interleaved: the
    // few tokens that refill meanwhile may let some through, never most of a kind.
    const drain = burst(socket, "resume", RESUME, 150);
    const answers: Promise<Answer>[][] = events.map(() => []);
    for (let round = 0; round < 10; round++) {
      for (const [i, [event, payload]] of events.entries())
        answers[i]!.push(request(socket, event as "resume", payload));
    }
    await drain;
    for (const [i, [event]] of events.entries()) {
      expect((await Promise.all(answers[i]!)).filter(isLimited).length, event).toBeGreaterThanOrEqual(3);
    }
  });

  it("disconnects a socket that keeps flooding (5x the rate), logs that once, and serves others", async () => {
    await closeAll();
    const warn = vi.spyOn(app.ctx.log, "warn");
    try {
      const socket = await client();
      const reason = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      const started = performance.now();
      // 250 events/s, five times the allowed rate, kept up however late the timer fires.
      let sent = 0;
      const timer = setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * 250);
        for (; sent < due; sent++) socket.emit("replay:stop", { replayId: "x" }, () => undefined);
      }, 20);
      try {
        expect(await withTimeout("the flooding socket to be disconnected", reason, 10_000)).toBe(
          "io server disconnect",
        );
      } finally {
        clearInterval(timer);
      }
      const tookMs = performance.now() - started;
      expect(tookMs).toBeGreaterThan(1_500);
      expect(tookMs).toBeLessThan(6_000);
      expect(warnings(warn, "socket flooding events: disconnected")).toBe(1);
      expect(warnings(warn, "socket rate limited")).toBe(1);

      const other = await client();
      expect(await request(other, "subscribe", { symbols: ["005380.KS"] })).toMatchObject({ ok: true });
    } finally {
      warn.mockRestore();
    }
  });
});

describe("per-address limit", () => {
  it("refuses what several sockets of one address send together past its budget", async () => {
    await closeAll();
    // However the earlier tests left the address's bucket, it is full again after 2 s.
    await sleep(2_000);
    const sockets = await Promise.all(Array.from({ length: 6 }, () => client()));
    const started = performance.now();
    // 90 each stays inside every socket's own burst (100); 540 together exceed the address's (400).
    const answers = (await Promise.all(sockets.map((s) => burst(s, "resume", RESUME, 90)))).flat();
    const served = answers.filter((a) => a.ok).length;
    expect(served).toBeGreaterThanOrEqual(400);
    expect(served).toBeLessThanOrEqual(400 + refilled(200, started));
    expect(answers.filter(isLimited).length).toBe(540 - served);
    expect(sockets.every((s) => s.connected)).toBe(true);
  });
});
