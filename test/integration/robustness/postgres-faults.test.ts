import { afterAll, describe, expect, it } from "vitest";
import { getOk, requestJson } from "../../support/http";
import { PrivatePostgres, postgresBinaries } from "../../support/private-postgres";
import { type TestApp, startTestApp } from "../../support/start-test-app";
import { waitFor } from "../../support/wait-for";

interface Span {
  symbol: string;
  n: string;
  lo: number;
  hi: number;
}

// The node's PostgreSQL on a private server (own data directory and port): every backend
// of the node killed mid-stream, then the server restarted under it.
describe("PostgreSQL faults under a running node", () => {
  const binaries = postgresBinaries();
  if (!binaries && process.env.CI)
    throw new Error("PostgreSQL binaries are required in CI (/usr/lib/postgresql/*/bin)");
  let server: PrivatePostgres | null = null;
  let app: TestApp | null = null;
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await server?.stop();
  });

  it.skipIf(!binaries)(
    "keeps serving, the feed resumes, no seq gap and no reuse in the store",
    async () => {
      server = await PrivatePostgres.start();
      const url = await server.createDatabase("aftershock");
      app = await startTestApp({ env: { DATABASE_URL: url, FEED_SPEED: "600" } });
      const live = app;
      const stored = async () =>
        Number((await server!.query<{ n: string }>(url, `SELECT count(*) AS n FROM "Tick"`))[0]!.n);
      const healthOk = async () => (await requestJson(live.url, "/api/health")).status === 200;
      const clockMoves = async (what: string) => {
        const t = live.ctx.feed.clock()!.t;
        await waitFor(what, () => live.ctx.feed.clock()!.t > t, { timeoutMs: 60_000 });
      };
      await clockMoves("the feed to run");

      // 1. Every backend of the node killed mid-stream.
      const killed = await server.query<{ pid: number }>(
        url,
        `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = 'aftershock' AND pid <> pg_backend_pid()`,
      );
      expect(killed.length).toBeGreaterThan(0);
      // Counted after the kill: a batch committed just before it must not pass for recovery.
      // The bus may be paused for a retry (health 503, by design) until the pool reconnects.
      const afterKill = await stored();
      await waitFor("ticks stored after the kill", async () => (await stored()) > afterKill, { timeoutMs: 60_000 });
      await waitFor("health to say ok after the kill", healthOk, { timeoutMs: 30_000 });

      // 2. The server restarted under the node.
      await server.restart();
      const afterRestart = await stored();
      await waitFor("ticks stored after the restart", async () => (await stored()) > afterRestart, {
        timeoutMs: 90_000,
      });
      await waitFor("health to say ok after the restart", healthOk, { timeoutMs: 30_000 });
      await clockMoves("the feed to run again");
      // Reads still served.
      expect((await getOk<unknown[]>(live.url, "/api/instruments")).length).toBeGreaterThan(0);

      await live.bus.flush();
      // Per symbol: seqs 1..max, each once (the primary key rules out reuse; count = max rules out gaps).
      const spans = await server.query<Span>(
        url,
        `SELECT symbol, count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM "Tick" GROUP BY symbol`,
      );
      expect(spans.length).toBeGreaterThan(0);
      for (const span of spans)
        expect({ symbol: span.symbol, n: Number(span.n), lo: span.lo }).toEqual({
          symbol: span.symbol,
          n: span.hi,
          lo: 1,
        });
    },
    300_000,
  );
});
