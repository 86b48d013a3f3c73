import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "../../contract/events";
import { type TestSocket, connectClient, request } from "../support/connect-client";
import { useTestApp } from "../support/start-test-app";
import { withTimeout } from "../support/wait-for";

const app = useTestApp();
let socket: TestSocket;

beforeEach(async () => {
  socket?.close();
  socket = await connectClient(app.url);
});

afterAll(async () => {
  socket?.close();
});

// JSON.parse makes `__proto__` an own key, as it would be after crossing the wire; an
// object literal would set the prototype instead and never send the key at all.
const garbage: [string, unknown][] = [
  ["null", null],
  ["a string", "005380.KS"],
  ["a number", 42],
  ["an array", ["005380.KS"]],
  ["symbols as a string", { symbols: "x" }],
  ["symbols empty", { symbols: [] }],
  ["symbols with a number", { symbols: [5380] }],
  ["1000 symbols", { symbols: Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(6, "0")}.KS`) }],
  ["a path as a symbol", { symbols: ["../../etc"] }],
  ["a very long symbol", { symbols: ["0".repeat(10_000)] }],
  ["an unknown symbol", { symbols: ["999999.KS"] }],
  ["an extra key", { symbols: ["005380.KS"], room: "admin" }],
  ["a __proto__ key", JSON.parse('{"symbols":["005380.KS"],"__proto__":{"polluted":true}}')],
  ["only a __proto__ key", JSON.parse('{"__proto__":{}}')],
  ["a constructor key", JSON.parse('{"symbols":["005380.KS"],"constructor":{"prototype":{"polluted":true}}}')],
  ["symbols under __proto__", JSON.parse('{"__proto__":{"symbols":["005380.KS"]}}')],
];

/** The socket still works: a good subscribe gets snapshots and live ticks arrive. */
async function expectUsable(s: TestSocket): Promise<void> {
  expect(s.connected).toBe(true);
  const ticks = withTimeout("a ticks batch after the bad payload", new Promise((resolve) => s.once("ticks", resolve)));
  const answer = await request(s, "subscribe", { symbols: ["005380.KS"] });
  expect(answer.ok).toBe(true);
  await ticks;
}

function expectRefusal(answer: { ok: boolean; error?: unknown }): void {
  expect(answer).toMatchObject({
    ok: false,
    error: { code: expect.stringMatching(/^(bad_request|not_found)$/), message: expect.any(String) },
  });
}

describe("socket errors name the field and the value", () => {
  it("an unknown symbol in subscribe, a bad step in replay:control", async () => {
    expect(await request(socket, "subscribe", { symbols: ["999999.KS"] })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: 'symbols: "999999.KS" is not a known instrument' },
    });
    expect(await request(socket, "replay:control", { replayId: "r", action: "step", value: "2m" })).toMatchObject({
      ok: false,
      error: { code: "bad_request", message: expect.stringMatching(/^value: .*\(got "2m"\)$/) },
    });
  });
});

describe("subscribe with a bad payload -> { ok: false, error }, connection stays usable", () => {
  it.each(garbage)("%s", async (_, payload) => {
    expectRefusal(await request(socket, "subscribe", payload));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectUsable(socket);
  });
});

describe("other events with bad payloads", () => {
  // Leaving a room one never joined is a no-op, so a well-formed unknown symbol is fine here.
  it.each(garbage.filter(([name]) => name !== "an unknown symbol"))("unsubscribe: %s", async (_, payload) => {
    expectRefusal(await request(socket, "unsubscribe", payload));
    await expectUsable(socket);
  });

  it("unsubscribe from a well-formed unknown symbol is a harmless no-op", async () => {
    expect(await request(socket, "unsubscribe", { symbols: ["999999.KS"] })).toMatchObject({ ok: true });
    await expectUsable(socket);
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["a missing afterSeq", { symbol: "005380.KS" }],
    ["a negative afterSeq", { symbol: "005380.KS", afterSeq: -1 }],
    ["a fractional afterSeq", { symbol: "005380.KS", afterSeq: 1.5 }],
    ["afterSeq as a string", { symbol: "005380.KS", afterSeq: "0" }],
    ["an unknown symbol", { symbol: "999999.KS", afterSeq: 0 }],
    ["a path as a symbol", { symbol: "../../etc", afterSeq: 0 }],
    ["a __proto__ key", JSON.parse('{"symbol":"005380.KS","afterSeq":0,"__proto__":{"polluted":true}}')],
  ])("resume: %s", async (_, payload) => {
    expectRefusal(await request(socket, "resume", payload));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectUsable(socket);
  });

  it("an event with no ack function does not break the connection", async () => {
    socket.emit("subscribe", null as never, undefined as never);
    (socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit("no-such-event", { x: 1 });
    await expectUsable(socket);
  });

  it("a payload over the server's size limit drops only that connection", async () => {
    const closed = withTimeout(
      "the oversized client to be disconnected",
      new Promise((resolve) => socket.once("disconnect", resolve)),
    );
    socket.emit("subscribe", { symbols: ["005380.KS"], pad: "x".repeat(64 * 1024) } as never, () => undefined);
    await closed;
    const other = await connectClient(app.url);
    try {
      await expectUsable(other);
    } finally {
      other.close();
    }
  });
});

describe("handshake origin", () => {
  it("refuses a foreign Origin", async () => {
    const attempt = connectClient(app.url, {
      transports: ["websocket"],
      extraHeaders: { origin: "http://evil.example" },
    });
    await expect(attempt).rejects.toThrow();
  });

  it("refuses a foreign Origin over long-polling too", async () => {
    const attempt = connectClient(app.url, {
      transports: ["polling"],
      extraHeaders: { origin: "http://evil.example" },
    });
    await expect(attempt).rejects.toThrow();
  });

  it("refuses another protocol version, naming it; takes this one and none", async () => {
    const attempt = connectClient(app.url, { auth: { protocol: PROTOCOL_VERSION + 1 } });
    await expect(attempt).rejects.toThrow(
      `auth.protocol: ${PROTOCOL_VERSION + 1} is not this server's protocol version ${PROTOCOL_VERSION}`,
    );
    const current = await connectClient(app.url, { auth: { protocol: PROTOCOL_VERSION } });
    try {
      await expectUsable(current);
    } finally {
      current.close();
    }
  });

  it("accepts the server's own origin", async () => {
    const own = await connectClient(app.url, { extraHeaders: { origin: app.url } });
    try {
      await expectUsable(own);
    } finally {
      own.close();
    }
  });
});
