import { afterEach, describe, expect, it, vi } from "vitest";
import type { Tick } from "../../../contract/model";
import { type TestSocket, connectClient, request } from "../../support/connect-client";
import { requestJson } from "../../support/http";
import { useTestApp } from "../../support/start-test-app";
import { sleep, withTimeout } from "../../support/wait-for";

const KNOWN = ["005380.KS", "000270.KS", "^KS11"];
// Well-formed KRX codes that name no instrument: they pass the schema and reach the lookup.
const unknown = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `${String(900_000 + from + i)}.KS`);

const app = useTestApp();
const open: TestSocket[] = [];

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  vi.restoreAllMocks();
});

async function client(options: Parameters<typeof connectClient>[1] = {}): Promise<TestSocket> {
  const socket = await connectClient(app.url, options);
  open.push(socket);
  return socket;
}

/** The socket still works: a good subscribe gets snapshots and live ticks arrive. */
async function expectUsable(socket: TestSocket): Promise<void> {
  expect(socket.connected).toBe(true);
  const ticks = withTimeout("a ticks batch", new Promise((resolve) => socket.once("ticks", resolve)));
  expect(await request(socket, "subscribe", { symbols: ["005380.KS"] })).toMatchObject({ ok: true });
  await ticks;
}

/** Every tick batch `socket` receives from now on. */
function received(socket: TestSocket): Tick[][] {
  const batches: Tick[][] = [];
  socket.on("ticks", (batch) => batches.push(batch));
  return batches;
}

describe("subscription cap: rooms are bounded by the known instruments", () => {
  it("refuses 500 symbols in one call", async () => {
    const socket = await client();
    const answer = await request(socket, "subscribe", { symbols: unknown(0, 500) });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: "bad_request", message: expect.stringContaining("symbols") },
    });
    await expectUsable(socket);
  });

  it("refuses 500 symbols over many calls, joining no room, not even the known symbols among them", async () => {
    const socket = await client();
    const batches = received(socket);
    for (let call = 0; call < 10; call++) {
      // The known symbols ride along with unknown ones: a refused call joins nothing.
      const symbols = [...unknown(call * 50, 47), ...KNOWN];
      expect(await request(socket, "subscribe", { symbols })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
    const singles = await Promise.all(unknown(1_000, 90).map((s) => request(socket, "subscribe", { symbols: [s] })));
    expect(singles.every((a) => !a.ok && a.error.code === "not_found")).toBe(true);
    // Ticks flow every ~50 ms at this feed speed; a second of silence means no room was joined.
    await sleep(1_000);
    expect(batches).toHaveLength(0);
    await expectUsable(socket);
  });

  it("subscribing to every instrument again and again joins each room once", async () => {
    const socket = await client();
    const batches = received(socket);
    for (let i = 0; i < 20; i++) {
      const answer = await request(socket, "subscribe", { symbols: [...KNOWN, ...KNOWN] });
      expect(answer.ok && answer.snapshots.length).toBe(KNOWN.length);
    }
    await sleep(500);
    const keys = batches.flat().map((t) => `${t.symbol}#${t.seq}`);
    expect(keys.length).toBeGreaterThan(0);
    // One room per symbol: every tick arrives once, however often it was subscribed.
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("hostile tickers are refused before any database or room lookup", () => {
  const hostile = ["../../etc", "005380.KS<script>", "0".repeat(10_240), "005380.KS\u0000", "__proto__", "constructor"];

  it.each(hostile.map((s) => [s.length > 40 ? `${s.slice(0, 20)}… (${s.length} chars)` : JSON.stringify(s), s]))(
    "%s",
    async (_, symbol) => {
      const find = vi.spyOn(app.ctx.store.ticks, "find");
      const snapshot = vi.spyOn(app.ctx.market, "snapshot");
      const socket = await client();
      for (const [event, payload] of [
        ["subscribe", { symbols: [symbol] }],
        ["resume", { symbol, afterSeq: 0 }],
        ["replay:start", { symbols: [symbol], from: 0, to: 1 }],
      ] as const) {
        expect(await request(socket, event, payload), event).toMatchObject({
          ok: false,
          error: { code: "bad_request" },
        });
      }
      const http = await requestJson(app.url, `/api/ticks?symbol=${encodeURIComponent(symbol)}`);
      expect(http).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
      expect(find).not.toHaveBeenCalled();
      expect(snapshot).not.toHaveBeenCalled();
      await expectUsable(socket);
    },
  );
});

describe("a payload over the size limit (16 KiB)", () => {
  it.each([["websocket"], ["polling"]])(
    "over %s: closes that connection only; the process serves the next client",
    async (transport) => {
      const victim = await client({ transports: [transport] });
      const bystander = await client();
      const gone = withTimeout(
        "the oversized client to be dropped",
        new Promise<string>((resolve) => victim.once("disconnect", resolve)),
      );
      victim.emit("subscribe", { symbols: ["005380.KS"], pad: "x".repeat(32 * 1024) } as never, () => undefined);
      expect(await gone).toMatch(/transport (close|error)/);
      expect(bystander.connected).toBe(true);
      await expectUsable(bystander);
      await expectUsable(await client({ transports: [transport] }));
      expect((await requestJson(app.url, "/api/health")).status).toBe(200);
    },
  );
});
