import net from "node:net";
import fc from "fast-check";
import WebSocket from "ws";
import { beforeAll, describe, expect, it } from "vitest";
import { errorStatus } from "../../../contract/errors";
import type { Tick } from "../../../contract/model";
import { INTERVALS } from "../../../contract/model";
import { type TestSocket, connectClient, request } from "../../support/connect-client";
import { getOk } from "../../support/http";
import { useTestApp } from "../../support/start-test-app";
import { sleep } from "../../support/wait-for";
import {
  DAY_MS,
  KNOWN,
  anything,
  badNumber,
  badSymbol,
  badTime,
  field,
  payloadFor,
  validTime,
} from "./fuzz-arbitraries";

// Fixed seed and run count: the same payloads every run, bounded time.
const RUNS = 200;
const SEED = 6_2025;
const SEED_NEWS = "seed-2025-10-22-korea-us-tariff-talks";
// Under the server's size limit (16 KiB): bigger payloads close the connection by design.
const MAX_PAYLOAD_CHARS = 12_000;
// The six events are fuzzed at once, each on its own socket, all from one address: one
// event per 35 ms each stays under both limits (50/s a socket, 200/s an address), so
// every payload reaches its handler instead of being refused as a flood.
const EMIT_EVERY_MS = 35;

const app = useTestApp();
let firstTickTs: number;

beforeAll(async () => {
  const [first] = await getOk<Tick[]>(app.url, "/api/ticks?symbol=005380.KS&limit=1");
  firstTickTs = first!.ts;
});

// --- Socket.IO ------------------------------------------------------------------------

type Ack = { ok: true; replayId?: string } | { ok: false; error: { code: string; message: string } };

/** The contract's ack: ok, or a refusal with a known code; never a crash or a flood. */
function expectContractAck(answer: unknown): void {
  expect(answer).toBeTypeOf("object");
  const ack = answer as Ack;
  if (ack.ok === true) return;
  expect(ack).toEqual({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  if (ack.ok) return;
  expect(Object.keys(errorStatus)).toContain(ack.error.code);
  expect(ack.error.code).not.toBe("internal");
  expect(ack.error.code).not.toBe("rate_limited");
}

/** What a client can send at all, under the size limit. */
function sendable(payload: unknown): boolean {
  try {
    return (JSON.stringify(payload) ?? "").length <= MAX_PAYLOAD_CHARS;
  } catch {
    return false;
  }
}

/** How often each outcome came up, printed so a run shows what it exercised. */
function tally(): { add(key: string | number): void; toString(): string } {
  const counts = new Map<string, number>();
  return {
    add: (key) => void counts.set(String(key), (counts.get(String(key)) ?? 0) + 1),
    toString: () =>
      [...counts]
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join(", "),
  };
}

interface FuzzHooks {
  setup?: (socket: TestSocket) => Promise<void>;
  /** Runs after each accepted payload (e.g. stops a replay that started). */
  after?: (socket: TestSocket, answer: Ack) => Promise<void>;
}

async function fuzzEvent(event: string, payloads: fc.Arbitrary<unknown>, hooks: FuzzHooks = {}): Promise<void> {
  const socket = await connectClient(app.url);
  try {
    await hooks.setup?.(socket);
    let last = 0;
    const outcomes = tally();
    await fc.assert(
      fc.asyncProperty(payloads.filter(sendable), async (payload) => {
        await sleep(Math.max(0, last + EMIT_EVERY_MS - performance.now()));
        last = performance.now();
        const answer = (await request(socket, event as "resume", payload)) as Ack;
        expectContractAck(answer);
        outcomes.add(answer.ok ? "ok" : answer.error.code);
        expect(socket.connected).toBe(true);
        await hooks.after?.(socket, answer);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz ${event}: ${outcomes.toString()}`);
    // Still usable: a good request gets a good answer.
    expect(await request(socket, "resume", { symbol: "005380.KS", afterSeq: Number.MAX_SAFE_INTEGER })).toMatchObject({
      ok: true,
    });
  } finally {
    socket.close();
  }
}

const symbols = fc.oneof(
  fc.subarray(KNOWN, { minLength: 1 }),
  fc.array(fc.constantFrom(...KNOWN), { minLength: 1, maxLength: 60 }),
);
const badSymbols = fc.oneof(
  fc.array(badSymbol, { maxLength: 60 }),
  fc.array(fc.constantFrom(...KNOWN), { minLength: 51, maxLength: 60 }),
  fc.constant([]),
);
const speed = fc.oneof(fc.double({ min: 1, max: 1_000, noNaN: true }), fc.constant("max"));
const badSpeed = fc.oneof(badNumber, fc.constantFrom("MAX", 0, 1_001, 0.5));

describe.concurrent(
  `fuzz: every Socket.IO event (${RUNS} payloads each) acks the contract's shape and stays connected`,
  () => {
    it("subscribe", () => fuzzEvent("subscribe", payloadFor({ symbols: field(symbols, badSymbols) }, ["symbols"])));

    it("unsubscribe", () => fuzzEvent("unsubscribe", payloadFor({ symbols: field(symbols, badSymbols) }, ["symbols"])));

    it("resume", () =>
      fuzzEvent(
        "resume",
        payloadFor(
          {
            symbol: field(fc.constantFrom(...KNOWN), badSymbol),
            afterSeq: field(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), badNumber),
          },
          ["symbol", "afterSeq"],
        ),
      ));

    it("replay:start", () =>
      fuzzEvent(
        "replay:start",
        payloadFor(
          {
            symbols: field(fc.subarray(KNOWN, { minLength: 1 }), badSymbols),
            from: field(validTime(firstTickTs), badTime),
            to: field(validTime(firstTickTs), badTime),
            speed: field(speed, badSpeed),
            slowNearNews: field(fc.boolean(), anything),
          },
          ["symbols", "from", "to"],
        ),
        // Two replays per connection: stop each one that starts, so later payloads go deep too.
        {
          after: async (socket, answer) =>
            void (
              answer.ok &&
              answer.replayId &&
              (await request(socket, "replay:stop", { replayId: answer.replayId }))
            ),
        },
      ));

    it("replay:control (on a live replay and unknown ones)", () => {
      let replayId = "";
      const value = fc.oneof(
        validTime(firstTickTs),
        speed,
        fc.constantFrom("tick", "1s", "1m", "5m"),
        badTime,
        badSpeed,
      );
      return fuzzEvent(
        "replay:control",
        payloadFor(
          {
            replayId: field(fc.constant("LIVE"), fc.string({ maxLength: 70 })),
            action: field(
              fc.constantFrom("play", "pause", "step", "seek", "speed", "next-news"),
              fc.string({ maxLength: 12 }),
            ),
            value,
          },
          ["replayId", "action"],
        ).map((p) =>
          p && typeof p === "object" && (p as { replayId?: unknown }).replayId === "LIVE" ? { ...p, replayId } : p,
        ),
        {
          setup: async (socket) => {
            const answer = await request(socket, "replay:start", {
              symbols: KNOWN,
              from: firstTickTs,
              to: firstTickTs + 3 * DAY_MS,
              speed: 1,
            });
            if (!answer.ok) throw new Error(`replay:start failed: ${JSON.stringify(answer.error)}`);
            replayId = answer.replayId;
          },
        },
      );
    });

    it("replay:stop", () =>
      fuzzEvent("replay:stop", payloadFor({ replayId: field(fc.uuid(), fc.string({ maxLength: 70 })) }, ["replayId"])));
  },
);

/**
 * A raw engine.io/Socket.IO connection over a WebSocket, below any client library: frames
 * go out exactly as generated. Reopened whenever the server closes it.
 */
class RawSocket {
  private ws: WebSocket | null = null;
  closes = 0;

  constructor(private readonly url: string) {}

  async send(frames: readonly (string | Uint8Array)[]): Promise<void> {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) this.ws = await this.open();
    for (const frame of frames) this.ws.send(frame);
    // Long enough for the server to parse, answer or hang up.
    await sleep(EMIT_EVERY_MS);
  }

  close(): void {
    this.ws?.close();
  }

  private open(): Promise<WebSocket> {
    const ws = new WebSocket(`${this.url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`);
    ws.on("close", () => this.closes++);
    return new Promise((resolve, reject) => {
      ws.on("error", reject);
      ws.on("message", (data) => {
        // Text frames arrive as one Buffer (ws's default binaryType).
        const text = (data as Buffer).toString("utf8");
        if (text.startsWith("0{")) ws.send("40");
        else if (text === "2") ws.send("3");
        else if (text.startsWith("40")) resolve(ws);
      });
    });
  }
}

const packetType = fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "9", "x", "");
const rawFrame = fc.oneof(
  // A Socket.IO packet inside an engine.io message: any type, any ack id, any JSON.
  fc
    .tuple(
      packetType,
      fc.option(fc.oneof(fc.nat(), fc.constant(1e20)), { nil: undefined }),
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 50 }),
      ),
    )
    .map(([type, id, data]) => [`4${type}${id ?? ""}${data}`]),
  // An event with a real name and a generated payload, with or without an ack id.
  fc
    .tuple(
      fc.constantFrom(
        "subscribe",
        "resume",
        "replay:start",
        "replay:control",
        "disconnect",
        "connect",
        "__proto__",
        "constructor",
      ),
      anything,
      fc.option(fc.nat(), { nil: undefined }),
    )
    .map(([event, payload, id]) => [`42${id ?? ""}${JSON.stringify([event, payload]) ?? "[]"}`]),
  // Binary events whose placeholders lie: wrong counts, bad indexes, pollution keys.
  fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom("symbol", "__proto__", "constructor"),
      fc.constantFrom<unknown>(0, 1, 5, -1, "0", null),
    )
    .map(([declared, sent, key, num]) => [
      `45${declared}-${JSON.stringify(["resume", { [key]: { _placeholder: true, num } }])}`,
      ...Array.from({ length: sent }, (_, i) => new Uint8Array([i])),
    ]),
  // Deep nesting and engine.io-level junk.
  fc.integer({ min: 100, max: 5_000 }).map((n) => [`42["resume",${"[".repeat(n)}${"]".repeat(n)}]`]),
  fc.string({ maxLength: 100 }).map((text) => [text]),
);

describe("fuzz: raw Socket.IO frames", () => {
  it(`${RUNS} generated frames: the server answers or closes that connection, and stays up`, async () => {
    const raw = new RawSocket(app.url);
    try {
      await fc.assert(
        fc.asyncProperty(rawFrame, async (frames) => {
          await raw.send(frames);
          expect((await send("/api/health")).status).toBe(200);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    } finally {
      raw.close();
    }
    console.log(`fuzz raw Socket.IO frames: the server closed the connection ${raw.closes} times`);
    const socket = await connectClient(app.url);
    try {
      expect(await request(socket, "subscribe", { symbols: ["005380.KS"] })).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }
  });
});

// --- HTTP -----------------------------------------------------------------------------

const asParam = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
/** A query string from generated fields: values as text, as a browser or a script would send. */
const queryOf = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[]) =>
  payloadFor(fields, required).map((p) =>
    p && typeof p === "object" && !Array.isArray(p) && !ArrayBuffer.isView(p)
      ? new URLSearchParams(Object.entries(p).map(([k, v]) => [k, asParam(v)])).toString()
      : `q=${encodeURIComponent(asParam(p))}`,
  );
/** Any keys at all, with any values. */
const anyQuery = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom(
        "symbol",
        "from",
        "to",
        "afterSeq",
        "limit",
        "interval",
        "newsId",
        "__proto__",
        "constructor",
        "toString",
        "",
      ),
      fc.string({ maxLength: 20 }),
    ),
    fc.oneof(
      badSymbol,
      badTime.map(asParam),
      badNumber.map(asParam),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 50 }),
    ),
    { maxKeys: 6 },
  )
  .map((d) => new URLSearchParams(Object.entries(d)).toString());
/** A raw query string: percent signs, separators and non-ASCII, however they land. */
const rawQuery = fc.string({
  unit: fc.constantFrom("%", "&", "=", "a", "1", "F", "Z", "+", ";", "é", "\u{1F4A5}", "\uD800", "symbol", "from", "2"),
  maxLength: 40,
});

const limit = (max: number) =>
  fc.oneof(
    fc.integer({ min: 1, max }).map(String),
    fc.constantFrom("0", String(max + 1), "-1", "1.5", "1e3", "10000000000000000"),
  );

function routeQuery(route: string): fc.Arbitrary<string> {
  const symbol = field(fc.constantFrom(...KNOWN), badSymbol);
  const time = field(validTime(firstTickTs), badTime);
  const newsId = field(
    fc.constantFrom(SEED_NEWS),
    fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom("../x", "a b", "x".repeat(101))),
  );
  const near: Record<string, fc.Arbitrary<string>> = {
    "/api/ticks": queryOf(
      { symbol, from: time, to: time, afterSeq: field(fc.nat(), badNumber), limit: limit(10_000) },
      ["symbol"],
    ),
    "/api/candles": queryOf(
      {
        symbol,
        interval: field(fc.constantFrom(...INTERVALS), fc.constantFrom("2s", "1M", "1D", "")),
        from: time,
        to: time,
      },
      ["symbol", "interval"],
    ),
    "/api/news": queryOf({ symbol, from: time, to: time, limit: limit(500) }, []),
    "/api/reactions": queryOf({ newsId }, ["newsId"]),
    "/api/reactions.csv": queryOf({ newsId }, ["newsId"]),
  };
  return fc.oneof(
    { arbitrary: near[route] ?? anyQuery, weight: 4 },
    { arbitrary: anyQuery, weight: 1 },
    { arbitrary: rawQuery, weight: 1 },
  );
}

/** Writes `bytes`, half-closes, and reads whatever comes back before the server closes. */
function rawExchange(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    const socket = net.connect(port, "127.0.0.1", () => socket.end(bytes));
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("close", () => resolve(text));
    socket.on("error", () => undefined);
    socket.setTimeout(5_000, () => socket.destroy());
  });
}

interface HttpAnswer {
  status: number;
  text: string;
}

async function send(path: string, init?: RequestInit): Promise<HttpAnswer> {
  const res = await fetch(new URL(path, app.url), { ...init, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, text: await res.text() };
}

/** Never a 5xx; every 4xx is the contract's error body. */
function expectContractAnswer(answer: HttpAnswer, what: string): void {
  expect(answer.status, `${what} -> ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status < 400) return;
  const body = JSON.parse(answer.text) as unknown;
  expect(body, what).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
}

const GET_ROUTES = [
  "/api/health",
  "/api/instruments",
  "/api/ticks",
  "/api/candles",
  "/api/news",
  "/api/reactions",
  "/api/reactions.csv",
];

describe(`fuzz: every API route (${RUNS} requests each) answers below 500, errors in the contract's shape`, () => {
  it.each(GET_ROUTES)("GET %s", async (route) => {
    const statuses = tally();
    await fc.assert(
      fc.asyncProperty(routeQuery(route), async (q) => {
        const path = `${route}?${q}`;
        const answer = await send(path);
        expectContractAnswer(answer, `GET ${path}`);
        statuses.add(answer.status);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz GET ${route}: ${statuses.toString()}`);
  });

  it("POST /api/news", async () => {
    const news = payloadFor(
      {
        headline: field(
          fc.string({ minLength: 1, maxLength: 120 }).map((t) => `${t} <img src=x onerror=alert(1)>`),
          fc.oneof(fc.constantFrom("", "   "), fc.string({ minLength: 501, maxLength: 600 })),
        ),
        body: field(fc.string({ maxLength: 2_000 }), fc.constant("x".repeat(70_000))),
        publishedAt: field(validTime(firstTickTs), badTime),
        source: field(
          fc.string({ minLength: 1, maxLength: 50 }).filter((t) => t.trim() !== ""),
          fc.constantFrom("", " ".repeat(300)),
        ),
        url: field(
          fc.oneof(fc.webUrl(), fc.constant(null)),
          fc.constantFrom("javascript:alert(1)", "data:text/html,x", "http://", "//evil", "", "file:///etc/passwd"),
        ),
        tickers: field(fc.subarray(KNOWN), badSymbols),
      },
      ["headline", "body", "publishedAt", "source"],
    );
    const body = fc.oneof(
      { arbitrary: news.map((b) => JSON.stringify(b) ?? ""), weight: 6 },
      { arbitrary: fc.uint8Array({ maxLength: 2_000 }), weight: 1 },
      { arbitrary: fc.string({ unit: "binary", maxLength: 500 }), weight: 1 },
    );
    const contentType = fc.oneof(
      { arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8"), weight: 6 },
      {
        arbitrary: fc.constantFrom(
          "APPLICATION/JSON",
          "application/jsonx",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json; charset=utf-16",
        ),
        weight: 1,
      },
    );
    const statuses = tally();
    await fc.assert(
      fc.asyncProperty(body, contentType, async (payload, type) => {
        const answer = await send("/api/news", { method: "POST", headers: { "content-type": type }, body: payload });
        expectContractAnswer(answer, `POST /api/news (${type}) ${String(payload).slice(0, 200)}`);
        statuses.add(answer.status);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz POST /api/news: ${statuses.toString()}`);
  });

  it("raw bytes on the HTTP port: a 4xx in the contract's shape, or nothing", async () => {
    const { port } = new URL(app.url);
    const statuses = tally();
    const requestLine = fc
      .tuple(
        fc.constantFrom("GET", "POST", "PUT", "BREW", "", "G\u0000T"),
        fc.oneof(
          fc.constantFrom("/api/health", "/api/ticks?symbol=005380.KS", "*", "http://[", "/%", ""),
          fc.string({ maxLength: 100 }),
        ),
        fc.constantFrom("HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", ""),
        fc.array(fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 })), { maxLength: 4 }),
      )
      .map(([method, target, version, headers]) =>
        Buffer.from(
          `${method} ${target} ${version}\r\nHost: x\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`,
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          requestLine,
          fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => Buffer.from(b)),
        ),
        async (bytes) => {
          const reply = await rawExchange(Number(port), bytes);
          const status = /^HTTP\/1\.1 (\d{3}) /.exec(reply)?.[1];
          statuses.add(status ?? "no answer");
          if (status === undefined) return;
          expect(Number(status), reply.slice(0, 300)).toBeLessThan(500);
          const [head = "", text = ""] = [
            reply.slice(0, reply.indexOf("\r\n\r\n")),
            reply.slice(reply.indexOf("\r\n\r\n") + 4),
          ];
          // Outside /api/ this server runs without pages here: its 404 is plain text.
          if (/^content-type: text\/plain/im.test(head) && Number(status) === 404) return;
          expectContractAnswer({ status: Number(status), text }, bytes.toString("latin1"));
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz raw HTTP bytes: ${statuses.toString()}`);
  });

  it("the server is still up and serving afterwards", async () => {
    expect((await send("/api/health")).status).toBe(200);
  });
});
