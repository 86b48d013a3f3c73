import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { FeedStatus } from "../../../contract/events";
import type { Tick } from "../../../contract/model";
import { io } from "socket.io-client";
import { type TestSocket, connectClient } from "../../support/connect-client";
import { getOk, requestJson } from "../../support/http";
import { freePort, serverEnv } from "../../support/spawn-node";
import { type TestApp, removeDb, startTestApp, tempDbFile } from "../../support/start-test-app";
import { sleep, waitFor, withTimeout } from "../../support/wait-for";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];
const FAIL_TICKS = `CREATE TRIGGER fail_ticks BEFORE INSERT ON "Tick" BEGIN SELECT RAISE(ABORT, 'injected: disk I/O error'); END;`;

/** Runs `server/index.ts` with `env` until it exits: its status and its stderr. */
async function startToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; listening: boolean }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: serverEnv(port, { LOG_LEVEL: "silent", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stderr, listening: /listening/i.test(stdout) };
}

const dbs: string[] = [];
afterAll(async () => {
  for (const db of dbs) await removeDb(db);
});

describe("a start that cannot work exits non-zero with one line", () => {
  const db = () => {
    const file = tempDbFile();
    dbs.push(file);
    return `file:${file}`;
  };

  it.each<[string, () => Record<string, string>, RegExp]>([
    ["FEED=replay without a tape", () => ({ FEED: "replay", DATABASE_URL: db() }), /FEED/],
    [
      "an unreadable scenario",
      () => ({ FEED: "scenario:/nonexistent/aftershock.json", DATABASE_URL: db() }),
      /nonexistent\/aftershock\.json/,
    ],
    ["an unreadable tape", () => ({ FEED: "replay:/nonexistent/tape.csv", DATABASE_URL: db() }), /./],
    ["an unreachable database", () => ({ DATABASE_URL: "postgresql://root@127.0.0.1:1/aftershock" }), /./],
  ])(
    "%s",
    async (_, env, names) => {
      const { code, stderr, listening } = await startToExit(env());
      expect(code, stderr).not.toBe(0);
      expect(code).not.toBeNull();
      expect(listening).toBe(false);
      const lines = stderr.split("\n").filter((l) => l.trim() !== "");
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^aftershock: /);
      expect(lines[0]).toMatch(names);
    },
    120_000,
  );

  it("a failed seed", async () => {
    // A migrated, empty database whose tick table refuses every insert.
    const file = tempDbFile();
    dbs.push(file);
    const app = await startTestApp({ dbFile: file, env: { FEED: "off" } });
    await app.close();
    const sqlite = new Database(file);
    sqlite.exec(
      `DELETE FROM "NewsTicker"; DELETE FROM "News"; DELETE FROM "Tick"; DELETE FROM "Instrument"; ${FAIL_TICKS}`,
    );
    sqlite.close();
    const { code, stderr, listening } = await startToExit({ DATABASE_URL: `file:${file}` });
    expect(code, stderr).toBe(1);
    expect(listening).toBe(false);
    const lines = stderr.split("\n").filter((l) => l.trim() !== "");
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^aftershock: .*injected: disk I\/O error/);
  }, 240_000);
});

describe("a store that keeps failing pauses the feed, visibly", () => {
  let app: TestApp;
  afterAll(async () => {
    await app?.close();
    if (app) await removeDb(app.dbFile);
  });

  it("bounded pending, 503 with the reason, feed:status to viewers; then it resumes with no seq gap", async () => {
    app = await startTestApp({ env: { FEED_SPEED: "600" } });
    const socket = await connectClient(app.url);
    const statuses: FeedStatus[] = [];
    socket.on("feed:status", (s) => statuses.push(s));
    expect((await requestJson(app.url, "/api/health")).status).toBe(200);
    const clockBefore = app.ctx.feed.clock()!.t;
    await waitFor("the feed to move", () => app.ctx.feed.clock()!.t > clockBefore);

    const sqlite = new Database(app.dbFile);
    sqlite.pragma("busy_timeout = 5000");
    sqlite.exec(FAIL_TICKS);
    try {
      await waitFor("the viewer to hear the feed paused", () => statuses.some((s) => s.state === "paused"), {
        timeoutMs: 30_000,
      });
      const paused = statuses.find((s) => s.state === "paused")!;
      expect(paused).toMatchObject({ state: "paused", reason: expect.stringContaining("storage unavailable") });
      const health = await requestJson<{ error: { code: string; message: string } }>(app.url, "/api/health");
      expect(health.status).toBe(503);
      expect(health.body.error).toMatchObject({
        code: "unavailable",
        message: expect.stringMatching(/^feed paused: storage unavailable/),
      });

      // A viewer connecting now is told at once.
      const late: TestSocket = io(app.url, { transports: ["websocket"], reconnection: false, forceNew: true });
      const told = await withTimeout(
        "feed:status on connecting",
        new Promise<FeedStatus>((resolve) => late.once("feed:status", resolve)),
      );
      expect(told.state).toBe("paused");
      late.close();

      // Nothing piles up: the market clock stands still and the backlog does not grow.
      const backlog = app.bus.backlog;
      const clock = app.ctx.feed.clock()!.t;
      await sleep(2_000);
      expect(app.bus.backlog).toBe(backlog);
      expect(app.ctx.feed.clock()!.t).toBe(clock);
    } finally {
      sqlite.exec("DROP TRIGGER IF EXISTS fail_ticks");
      sqlite.close();
    }

    await waitFor("the feed to resume", () => statuses.at(-1)?.state === "running", { timeoutMs: 30_000 });
    await waitFor("health to recover", async () => (await requestJson(app.url, "/api/health")).status === 200);
    const resumedAt = app.ctx.feed.clock()!.t;
    await waitFor("the clock to move again", () => app.ctx.feed.clock()!.t > resumedAt);
    await app.bus.flush();
    socket.close();

    // Every seq from 1 to the last, once: nothing was dropped while paused.
    for (const symbol of SYMBOLS) {
      let after = 0;
      let expected = 1;
      for (;;) {
        const page = await getOk<Tick[]>(
          app.url,
          `/api/ticks?symbol=${encodeURIComponent(symbol)}&afterSeq=${after}&limit=10000`,
        );
        for (const tick of page) expect(tick.seq).toBe(expected++);
        if (page.length < 10_000) break;
        after = page.at(-1)!.seq;
      }
      expect(expected).toBeGreaterThan(1);
    }
  }, 240_000);
});
