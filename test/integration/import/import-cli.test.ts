import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../../server/store/open-store";
import { removeDb, tempDbFile } from "../../support/start-test-app";
import { fixture, runImportCli } from "./temp-store";

let dbFile: string;

beforeEach(() => {
  dbFile = tempDbFile();
});
afterEach(async () => removeDb(dbFile));

async function tickCount(): Promise<number> {
  const store = await openStore({ DATABASE_URL: `file:${dbFile}`, sqlitePath: dbFile });
  try {
    return await store.ticks.count();
  } finally {
    await store.close();
  }
}

describe("npm run import", () => {
  it("imports a CSV, reports skipped rows on stderr and exits 0", async () => {
    const run = await runImportCli(["--symbol", "005380.KS", fixture("yahoo-daily.csv")], dbFile);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^imported 20 ticks from 5 rows, 2 rows skipped \(005380\.KS, seq 1–20, new instrument;/,
    );
    expect(run.stderr).toContain("line 4 skipped: Open is null");
    expect(run.stderr).toContain("line 5 skipped: 2025-10-09 is not a KRX trading day");
    expect(await tickCount()).toBe(20);
  });

  it("exits 2 on a fatal error, saying why, with the database unchanged", async () => {
    expect((await runImportCli(["--symbol", "005380.KS", fixture("yahoo-daily.csv")], dbFile)).code).toBe(0);
    const older = await runImportCli(["--symbol", "005380.KS", fixture("yahoo-daily-older.csv")], dbFile);
    expect(older.code).toBe(2);
    expect(older.stderr).toMatch(
      /^import: line 2: the first tick .* is not after the last stored tick .*\(the database is unchanged\)\n$/,
    );
    expect(older.stdout).toBe("");
    // Later than what is stored, but unsorted part way through.
    const unsorted = await runImportCli(["--symbol", "005380.KS", fixture("yahoo-unsorted.csv")], dbFile);
    expect(unsorted).toMatchObject({ code: 2, stderr: expect.stringContaining("rows must be in ascending time") });
    expect(await tickCount()).toBe(20);
  });

  it("exits 2 with the usage on bad arguments", async () => {
    const run = await runImportCli([fixture("ticks.csv")], dbFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage: npm run import -- --symbol SYMBOL FILE.csv");
  });

  it("imports news and prints added / already there / rejected", async () => {
    const first = await runImportCli(["--news", fixture("feed-rss.xml")], dbFile);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("2 added, 1 already there, 3 rejected\n");
    expect(first.stderr).toContain("item 3 rejected: no publish date");
  });
});
