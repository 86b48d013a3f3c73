import { request as httpRequest } from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { type JsonAnswer, requestJson } from "../support/http";
import { useTestApp } from "../support/start-test-app";

const app = useTestApp({ env: { FEED: "off" } });

/** Every error answer has the contract's shape and a code matching its status. */
function expectError(answer: JsonAnswer, status: number, code: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
}

const validNews = {
  headline: "Kia Corp shares jump",
  body: "Kia Corp rose.",
  publishedAt: "2025-10-23T10:00:00+09:00",
  source: "test",
};

const postRaw = (body: string, contentType = "application/json") =>
  requestJson(app.url, "/api/news", { method: "POST", headers: { "content-type": contentType }, body });

describe("unknown symbol -> 404", () => {
  it.each(["/api/ticks?symbol=999999.KS", "/api/candles?symbol=999999.KS&interval=1m", "/api/news?symbol=999999.KS"])(
    "%s",
    async (path) => {
      const answer = await requestJson(app.url, path);
      expectError(answer, 404, "not_found");
      expect(answer.body).toMatchObject({ error: { message: 'symbol: "999999.KS" is not a known instrument' } });
    },
  );

  it("a malformed value is quoted beside its field", async () => {
    const answer = await requestJson(app.url, "/api/candles?symbol=005380.KS&interval=2m");
    expectError(answer, 400, "bad_request");
    expect(answer.body).toMatchObject({ error: { message: expect.stringMatching(/^interval: .*\(got "2m"\)$/) } });
  });
});

describe("malformed query parameters -> 400", () => {
  it.each([
    ["limit=0", "/api/ticks?symbol=005380.KS&limit=0"],
    ["limit=10001", "/api/ticks?symbol=005380.KS&limit=10001"],
    ["limit not a number", "/api/ticks?symbol=005380.KS&limit=ten"],
    ["negative afterSeq", "/api/ticks?symbol=005380.KS&afterSeq=-1"],
    ["from=2025-02-31", "/api/ticks?symbol=005380.KS&from=2025-02-31"],
    ["from not a time", "/api/candles?symbol=005380.KS&interval=1m&from=yesterday"],
    ["from after to", "/api/ticks?symbol=005380.KS&from=2025-10-22T10:00:00Z&to=2025-10-22T09:00:00Z"],
    ["from after to (news)", "/api/news?from=1761130000000&to=1761120000000"],
    ["interval=2m", "/api/candles?symbol=005380.KS&interval=2m"],
    ["missing interval", "/api/candles?symbol=005380.KS"],
    ["missing symbol", "/api/ticks"],
    ["malformed symbol", "/api/ticks?symbol=..%2F..%2Fetc"],
    ["repeated parameter", "/api/ticks?symbol=005380.KS&symbol=000270.KS"],
    ["unknown parameter", "/api/ticks?symbol=005380.KS&sort=desc"],
    ["news limit=0", "/api/news?limit=0"],
    ["candle range too long", "/api/candles?symbol=005380.KS&interval=1s&from=2025-01-01&to=2025-10-01"],
  ])("%s", async (_, path) => {
    expectError(await requestJson(app.url, path), 400, "bad_request");
  });
});

describe("bad POST /api/news bodies -> 400", () => {
  it("invalid JSON", async () => {
    expectError(await postRaw("{ headline: nope"), 400, "bad_request");
  });

  it("wrong content-type", async () => {
    expectError(await postRaw(JSON.stringify(validNews), "text/plain"), 400, "bad_request");
  });

  it("missing headline", async () => {
    const { headline: _, ...rest } = validNews;
    expectError(await postRaw(JSON.stringify(rest)), 400, "bad_request");
  });

  it("blank headline", async () => {
    expectError(await postRaw(JSON.stringify({ ...validNews, headline: "   " })), 400, "bad_request");
  });

  it("javascript: url", async () => {
    expectError(await postRaw(JSON.stringify({ ...validNews, url: "javascript:alert(1)" })), 400, "bad_request");
  });

  it("unknown ticker", async () => {
    expectError(await postRaw(JSON.stringify({ ...validNews, tickers: ["999999.KS"] })), 400, "bad_request");
  });

  it("malformed ticker", async () => {
    expectError(await postRaw(JSON.stringify({ ...validNews, tickers: ["<script>"] })), 400, "bad_request");
  });

  it("invalid publishedAt", async () => {
    expectError(await postRaw(JSON.stringify({ ...validNews, publishedAt: "2025-13-01" })), 400, "bad_request");
  });

  it("unknown field", async () => {
    expectError(await postRaw(JSON.stringify({ ...validNews, id: "mine" })), 400, "bad_request");
  });

  it("a JSON value that is not an object", async () => {
    expectError(await postRaw("null"), 400, "bad_request");
  });

  it("an empty body", async () => {
    expectError(await postRaw(""), 400, "bad_request");
  });
});

describe("body over 64 KiB -> 413", () => {
  const big = JSON.stringify({ ...validNews, body: "x".repeat(64 * 1024 + 1) });

  it("with a declared content-length", async () => {
    expectError(await postRaw(big), 413, "payload_too_large");
  });

  it("sent chunked, without a content-length", async () => {
    // fetch always declares the length of a string body; a raw request streams instead.
    const answer = await new Promise<JsonAnswer>((resolve, reject) => {
      const req = httpRequest(
        new URL("/api/news", app.url),
        { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(text) as unknown,
              headers: new Headers(res.headers as Record<string, string>),
            });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      for (let i = 0; i < big.length; i += 8 * 1024) req.write(big.slice(i, i + 8 * 1024));
      req.end();
    });
    expectError(answer, 413, "payload_too_large");
  });
});

describe("routes and methods", () => {
  it("unknown /api route -> 404", async () => {
    expectError(await requestJson(app.url, "/api/nope"), 404, "not_found");
  });

  it.each([
    ["DELETE", "/api/news"],
    ["POST", "/api/ticks"],
    ["PUT", "/api/instruments"],
  ])("wrong method %s %s -> 405", async (method, path) => {
    expectError(await requestJson(app.url, path, { method }), 405, "method_not_allowed");
  });

  it.each(["http://[/api/health", "http://x:99999/api/health"])(
    "a request target that is no URL (%s) -> 400, and the server lives on",
    async (target) => {
      // fetch cannot send such a request line; a raw socket can, and so can an attacker.
      const { port } = new URL(app.url);
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), "127.0.0.1", () =>
          socket.end(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
        );
        let text = "";
        socket.setEncoding("utf8");
        socket.on("data", (chunk: string) => (text += chunk));
        socket.on("end", () => resolve(text));
        socket.on("error", reject);
        socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
      });
      expect(reply.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
      expect(JSON.parse(reply.slice(reply.indexOf("\r\n\r\n") + 4))).toMatchObject({
        error: { code: "bad_request", message: expect.any(String) },
      });
      expect((await requestJson(app.url, "/api/health")).status).toBe(200);
    },
  );

  it("still serves good requests after all of the above", async () => {
    const answer = await requestJson(app.url, "/api/health");
    expect(answer.status).toBe(200);
  });
});
