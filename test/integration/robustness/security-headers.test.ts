import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../support/start-test-app";
import { directives } from "../../support/csp";

const app = useTestApp();

/** A raw request (fetch may not set Host): "GET /path" or "POST /path"; the status and the headers. */
function get(
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string> }> {
  const { hostname, port } = new URL(app.url);
  const [method, path] = target.includes(" ") ? target.split(" ") : ["GET", target];
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string> }));
    });
    req.on("error", reject);
    req.end();
  });
}

const ANSWERS: [string, string, number][] = [
  ["the health check", "/api/health", 200],
  ["an API 404", "/api/no-such-route", 404],
  ["a page 404", "/no-such-page", 404],
  ["a 400 for bad input", "/api/ticks?symbol=..%2F..%2Fetc", 400],
  ["a 405", "POST /api/health", 405],
  ["an unknown headline's reactions", "/api/reactions.csv?newsId=nope", 404],
  ["Socket.IO's long-polling handshake", "/socket.io/?EIO=4&transport=polling", 200],
  // Refused by Node's parser (request line and headers over 16 KiB) before any handler runs.
  ["a request over the header size limit", `/api/ticks?symbol=${"9".repeat(20_000)}`, 400],
];

describe("every answer carries the security headers", () => {
  it.each(ANSWERS)("%s", async (_, path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "same-origin",
      "cross-origin-opener-policy": "same-origin",
      "permissions-policy": expect.stringContaining("camera=()"),
      "content-security-policy": expect.any(String),
    });
  });
});

describe("the Content-Security-Policy", () => {
  it("allows the own origin and the charts' needs, nothing remote", async () => {
    const { port } = new URL(app.url);
    const csp = directives((await get("/api/health")).headers["content-security-policy"]!);
    expect(Object.fromEntries(csp)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'", `ws://127.0.0.1:${port}`, `wss://127.0.0.1:${port}`],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("echoes no Host header that could smuggle in a directive", async () => {
    const res = await get("/api/health", { host: "evil.example;script-src *" });
    const csp = directives(res.headers["content-security-policy"]!);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
  });
});
