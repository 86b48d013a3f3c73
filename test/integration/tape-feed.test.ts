import { execFile } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsItem, Tick } from "../../contract/model";
import { type TestSocket, connectClient } from "../support/connect-client";
import { type TestApp, removeDb, startTestApp, tempDbFile } from "../support/start-test-app";
import { waitFor } from "../support/wait-for";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = os.tmpdir();
const tapeFile = path.join(dir, `tape-${process.pid}.csv`);
const OPEN = Date.parse("2025-10-22T09:00:00+09:00");

// 600 rows over ten minutes of 22 Oct 2025: Hyundai every 2 s, Kia every 3 s, KOSPI every 5 s,
// the time written as epoch ms and as ISO 8601 in turn.
function tapeRows(): { symbol: string; ts: number; price: number; size: number }[] {
  const rows = [];
  for (let s = 0; s < 600; s++) {
    const ts = OPEN + s * 1_000;
    if (s % 2 === 0) rows.push({ symbol: "005380.KS", ts, price: 215_000 + (s % 10) * 500, size: 1 + (s % 7) });
    if (s % 3 === 0) rows.push({ symbol: "000270.KS", ts, price: 105_000 + (s % 6) * 100, size: 2 });
    if (s % 5 === 0) rows.push({ symbol: "^KS11", ts, price: 3_800 + (s % 4) * 0.25, size: 0 });
  }
  return rows;
}
const rows = tapeRows();
const csv = (list: typeof rows) =>
  [
    "symbol,ts,price,size",
    ...list.map((r, i) => `${r.symbol},${i % 2 ? new Date(r.ts).toISOString() : r.ts},${r.price},${r.size}`),
  ].join("\n");

async function startServer(feed: string): Promise<{ code: number | string; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: root,
      env: {
        ...process.env,
        FEED: feed,
        DATABASE_URL: `file:${tempDbFile()}`,
        PORT: "0",
        SERVE_PAGES: "false",
        LOG_LEVEL: "silent",
      },
      timeout: 60_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code?: number | string; stderr?: string };
    return { code: failed.code ?? "none", stderr: failed.stderr ?? "" };
  }
}

describe("FEED=replay:FILE (a tick tape as the live feed)", () => {
  let app: TestApp;
  let socket: TestSocket;
  const pushed: Tick[] = [];
  const news: NewsItem[] = [];

  beforeAll(async () => {
    await writeFile(tapeFile, csv(rows));
    await writeFile(
      `${tapeFile}.news.json`,
      JSON.stringify([
        {
          headline: "Hyundai Motor wins a fleet order",
          body: "A test headline.",
          publishedAt: "2025-10-22T09:05:00+09:00",
          source: "tape test",
        },
      ]),
    );
    app = await startTestApp({ env: { FEED: `replay:${tapeFile}`, FEED_SPEED: "60" } });
    socket = await connectClient(app.url);
    socket.on("ticks", (batch) => pushed.push(...batch));
    socket.on("news", (item) => news.push(item));
    await socket.emitWithAck("subscribe", { symbols: ["005380.KS", "000270.KS", "^KS11"] });
  });
  afterAll(async () => {
    socket?.close();
    await app?.close();
    if (app) await removeDb(app.dbFile);
    await rm(tapeFile, { force: true });
    await rm(`${tapeFile}.news.json`, { force: true });
  });

  it("stores every row through the live path, numbered from seq 1 per symbol, and nothing simulated", async () => {
    await waitFor("the whole tape stored", async () => (await app.ctx.store.ticks.count()) === rows.length, {
      timeoutMs: 60_000,
    });
    for (const symbol of ["005380.KS", "000270.KS", "^KS11"]) {
      const stored = await app.ctx.store.ticks.find({ symbol, limit: 10_000 });
      const expected = rows.filter((r) => r.symbol === symbol);
      expect(stored.map((t) => t.seq)).toEqual(expected.map((_, i) => i + 1));
      expect(stored.map(({ ts, price, size }) => ({ symbol, ts, price, size }))).toEqual(expected);
    }
    expect(await app.ctx.store.ticks.resolutions("005380.KS", 0, Date.now())).toEqual(["tick"]);
    const sources = await app.ctx.store.sources.list();
    expect(sources.map((s) => [s.symbol, s.kind, s.file])).toEqual(
      expect.arrayContaining([["005380.KS", "tape", path.basename(tapeFile)]]),
    );
    expect(sources.every((s) => s.kind === "tape")).toBe(true);
    // Pushed to a viewer too (from when it subscribed), in seq order without gaps, to the last row.
    const last = rows.filter((r) => r.symbol === "005380.KS").length;
    await waitFor("the last row pushed", () => pushed.some((t) => t.symbol === "005380.KS" && t.seq === last), {
      timeoutMs: 30_000,
    });
    const hyundai = pushed.filter((t) => t.symbol === "005380.KS").map((t) => t.seq);
    expect(hyundai.length).toBeGreaterThan(0);
    expect(hyundai).toEqual(hyundai.map((_, i) => hyundai[0]! + i));
  });

  it("publishes the tape's headline as its clock passes it, tagged, and shows the tape's clock", async () => {
    await waitFor("the tape's headline", () => news.length > 0, { timeoutMs: 60_000 });
    expect(news[0]).toMatchObject({ headline: "Hyundai Motor wins a fleet order", tickers: ["005380.KS"] });
    const clock = app.ctx.feed.clock();
    expect(clock?.feed).toBe(`replay:${path.basename(tapeFile)}`);
    expect(clock!.t).toBeGreaterThanOrEqual(rows.at(-1)!.ts);
  });
});

describe("a tape that cannot be played stops the start", () => {
  it("names the bad row's line and exits non-zero with one line", async () => {
    const bad = path.join(dir, `tape-bad-${process.pid}.csv`);
    const lines = csv(rows.slice(0, 5)).split("\n");
    lines[3] = "005380.KS,1761091200000,abc,3";
    await writeFile(bad, lines.join("\n"));
    try {
      const run = await startServer(`replay:${bad}`);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toEqual([
        `aftershock: could not start: tape ${bad} line 4: price "abc" is not a number`,
      ]);
    } finally {
      await rm(bad, { force: true });
    }
  });

  it("refuses rows out of time order and a missing file, and FEED=replay without a file", async () => {
    const unsorted = path.join(dir, `tape-unsorted-${process.pid}.csv`);
    await writeFile(unsorted, csv([rows[3]!, rows[1]!]));
    try {
      expect((await startServer(`replay:${unsorted}`)).stderr).toMatch(/line 3: ts .* comes before the previous row's/);
    } finally {
      await rm(unsorted, { force: true });
    }
    expect(await startServer(`replay:${path.join(dir, "no-such-tape.csv")}`)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot read it \(ENOENT\)/),
    });
    const bare = await startServer("replay");
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^aftershock: invalid FEED="replay": expected .*replay:FILE/);
  });
});
