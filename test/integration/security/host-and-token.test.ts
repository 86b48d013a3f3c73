import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "../../support/connect-client";
import { type TestApp, removeDb, startTestApp } from "../../support/start-test-app";

const TOKEN = "s3cret-token-for-tests-0123456789";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A raw HTTP request with a Host of our choosing (fetch will not send a foreign one). */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const noHost = headers.host === "";
    const sent = noHost ? Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "host")) : headers;
    const target = {
      hostname: hostname === "0.0.0.0" ? "127.0.0.1" : hostname,
      port,
      method,
      path,
      headers: sent,
      setHost: !noHost,
    };
    const req = httpRequest(target, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Left as text.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A WebSocket upgrade to Socket.IO with the given Host: the status line the server answers. */
function upgrade(base: string, host: string): Promise<Raw> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      hostname,
      port,
      path: "/socket.io/?EIO=4&transport=websocket",
      headers: {
        host,
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 101, headers: res.headers, body: null });
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown,
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const news = JSON.stringify({
  headline: "Hyundai Motor wins an order",
  body: "b",
  publishedAt: "2025-10-23T10:15:00+09:00",
  source: "test desk",
});
const json = { "content-type": "application/json" };

describe("the Host allowlist (DNS rebinding)", () => {
  let app: TestApp;
  let port: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { FEED: "off" } });
    port = new URL(app.url).port;
  });
  afterAll(async () => {
    await app?.close();
    if (app) await removeDb(app.dbFile);
  });

  it.each([
    ["GET", "/api/health"],
    ["POST", "/api/news"],
    ["GET", "/"],
    ["GET", "/socket.io/?EIO=4&transport=polling"],
  ])("%s %s with a foreign Host answers 421 with the error shape", async (method, path) => {
    const res = await raw(
      app.url,
      method,
      path,
      { host: `attacker.example:${port}`, ...json },
      method === "POST" ? news : undefined,
    );
    expect(res.status).toBe(421);
    expect(res.body).toEqual({
      error: { code: "host_not_allowed", message: expect.stringContaining("attacker.example") },
    });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("a foreign Host stored nothing", async () => {
    const res = await raw(app.url, "GET", "/api/news?limit=100", { host: `127.0.0.1:${port}` });
    expect(res.status).toBe(200);
    expect((res.body as { headline: string }[]).map((n) => n.headline)).not.toContain("Hyundai Motor wins an order");
  });

  it("refuses the Socket.IO WebSocket upgrade with a foreign Host", async () => {
    const res = await upgrade(app.url, `attacker.example:${port}`);
    expect(res.status).toBe(421);
    expect(res.body).toMatchObject({ error: { code: "host_not_allowed" } });
  });

  it("a missing Host is refused too", async () => {
    // Node's parser answers 400 itself for HTTP/1.1 without Host; either way, never 200.
    const res = await raw(app.url, "GET", "/api/health", { host: "" });
    expect([400, 421]).toContain(res.status);
  });

  it.each(["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])("answers the loopback name %s", async (name) => {
    const res = await raw(app.url, "GET", "/api/health", { host: `${name}:${port}` });
    expect(res.status).toBe(200);
  });

  it("a real Socket.IO client on an allowed host connects", async () => {
    const socket = await connectClient(app.url);
    expect(socket.connected).toBe(true);
    socket.close();
  });
});

describe("ALLOWED_HOSTS", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { FEED: "off", ALLOWED_HOSTS: "dash.example, 127.0.0.1" } });
  });
  afterAll(async () => {
    await app?.close();
    if (app) await removeDb(app.dbFile);
  });

  it("answers the listed names and refuses the loopback names it does not list", async () => {
    expect((await raw(app.url, "GET", "/api/health", { host: "dash.example" })).status).toBe(200);
    expect((await raw(app.url, "GET", "/api/health", { host: "Dash.Example:443" })).status).toBe(200);
    expect((await raw(app.url, "GET", "/api/health", { host: "localhost" })).status).toBe(421);
    expect((await raw(app.url, "GET", "/api/health", { host: "dash.example.attacker.example" })).status).toBe(421);
  });
});

describe("API_TOKEN", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { FEED: "off", API_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
    if (app) await removeDb(app.dbFile);
  });

  it.each([
    ["no Authorization", {}],
    ["a wrong token", { authorization: `Bearer ${TOKEN}x` }],
    ["a token of another length", { authorization: "Bearer short" }],
    ["another scheme", { authorization: `Basic ${TOKEN}` }],
  ])("a write with %s answers 401", async (_, headers) => {
    const res = await raw(app.url, "POST", "/api/news", { host: "127.0.0.1", ...json, ...headers }, news);
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe("Bearer");
    expect(res.body).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Bearer") } });
  });

  it("a write with the token is stored; reads need none", async () => {
    const res = await raw(
      app.url,
      "POST",
      "/api/news",
      { host: "127.0.0.1", ...json, authorization: `Bearer ${TOKEN}` },
      news,
    );
    expect(res.status).toBe(201);
    const read = await raw(app.url, "GET", "/api/news?limit=5", { host: "127.0.0.1" });
    expect(read.status).toBe(200);
    expect((read.body as { headline: string }[])[0]?.headline).toBe("Hyundai Motor wins an order");
  });
});

describe("a non-loopback HOST without API_TOKEN", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { FEED: "off", HOST: "0.0.0.0" } });
  });
  afterAll(async () => {
    await app?.close();
    if (app) await removeDb(app.dbFile);
  });

  it("refuses writes with 403 saying why, and still serves reads", async () => {
    const res = await raw(app.url, "POST", "/api/news", { host: "127.0.0.1", ...json }, news);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: "forbidden", message: expect.stringContaining("API_TOKEN") } });
    expect((await raw(app.url, "GET", "/api/health", { host: "127.0.0.1" })).status).toBe(200);
  });
});
