import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsItem } from "../../../contract/model";
import type { DataSource } from "../../../contract/resolution";
import { type TestSocket, connectClient } from "../../support/connect-client";
import { type NodeProcess, spawnNode } from "../../support/spawn-node";
import { removeDb, tempDbFile } from "../../support/start-test-app";
import { waitFor } from "../../support/wait-for";
import { fixture, runImportCli } from "./temp-store";

// The server runs as its own process on the SQLite file and holds it open; the CLI is a
// second process on the same file, as when a user imports into a running dashboard.
let dbFile: string;
let server: NodeProcess;
let socket: TestSocket;
const sources: DataSource[][] = [];
const news: NewsItem[] = [];

beforeAll(async () => {
  dbFile = tempDbFile();
  server = await spawnNode({ DATABASE_URL: `file:${dbFile}`, FEED: "off", SEED_HISTORY: "false" });
  socket = await connectClient(server.url);
  socket.on("sources", (batch) => sources.push(batch));
  socket.on("news", (item) => news.push(item));
});
afterAll(async () => {
  socket?.close();
  await server?.stop();
  await removeDb(dbFile);
});

describe("npm run import against a running server's database", () => {
  it("imports without migrating a current schema, and the server pushes the new source", async () => {
    const run = await runImportCli(["--symbol", "005380.KS", fixture("yfinance-daily.csv")], dbFile);
    expect(run.stderr).not.toMatch(/migrat|could not open/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^imported 16 ticks from 4 rows, 3 rows skipped \(005380\.KS, seq 1–16;/);
    expect(run.stderr).toContain("line 7 skipped: Volume 0 on 2025-10-10: no trading that day, skipped");

    await waitFor("a sources push", () => sources.length > 0, { timeoutMs: 30_000 });
    expect(sources.flat()).toEqual([
      {
        symbol: "005380.KS",
        kind: "import",
        file: "yfinance-daily.csv",
        resolution: "1d",
        from: "2025-10-01T00:00:00.000Z",
        to: "2025-10-14T06:29:59.000Z",
        rows: 16,
      },
    ]);
    // The server reads the new history at once: daily candles and the last price.
    const candles = (await (await fetch(`${server.url}/api/candles?symbol=005380.KS&interval=1d`)).json()) as {
      close: number;
    }[];
    expect(candles.map((c) => c.close)).toEqual([212_500, 215_000, 218_000, 220_500]);
    const ack = await socket.emitWithAck("subscribe", { symbols: ["005380.KS"] });
    expect(ack).toMatchObject({ ok: true, snapshots: [{ symbol: "005380.KS", seq: 16, last: { price: 220_500 } }] });
  });

  it("pushes headlines the CLI imports, once each", async () => {
    const run = await runImportCli(["--news", fixture("news.json")], dbFile);
    expect(run.code).toBe(0);
    const added = Number(/^(\d+) added/.exec(run.stdout)?.[1]);
    expect(added).toBeGreaterThan(0);
    await waitFor(`${added} news pushes`, () => news.length >= added, { timeoutMs: 30_000 });
    expect(news.map((n) => n.headline)).toContain("Kia Corp and Hyundai Motor beat estimates");
    // A few more polls announce nothing again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(news).toHaveLength(added);
    expect(new Set(news.map((n) => n.id)).size).toBe(added);
  });
});
