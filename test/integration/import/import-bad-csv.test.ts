import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportError } from "../../../server/import/import-errors";
import { importTicks } from "../../../server/import/import-ticks";
import type { Store, TickStore } from "../../../server/store/store";
import { fixture, importCollectingSkips, tempStoreEachTest } from "./temp-store";

let store: Store;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "aftershock-import-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
tempStoreEachTest((s) => (store = s));

/** Writes `text` to a temp CSV and returns its path. */
async function csv(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

/** Ticks of 005380.KS from the good daily fixture, so "unchanged" has something to compare. */
async function seedHistory(): Promise<number> {
  await importTicks(store, { symbol: "005380.KS", file: fixture("yahoo-daily.csv") });
  return store.ticks.count();
}

describe("fatal: the import stops and the database is left as it was", () => {
  it("a missing required column", async () => {
    const before = await seedHistory();
    await expect(
      importTicks(store, { symbol: "005380.KS", file: fixture("yahoo-missing-column.csv") }),
    ).rejects.toThrow(/missing column Low/);
    expect(await store.ticks.count()).toBe(before);
  });

  it("a header that is neither format", async () => {
    const file = await csv("unknown.csv", "when,what\n2025-10-22,1\n");
    await expect(importTicks(store, { symbol: "005380.KS", file })).rejects.toThrow(/unknown CSV header/);
  });

  it("rows out of date order, even after batches were written (they are deleted again)", async () => {
    const before = await seedHistory();
    // Four ticks per batch: the three sorted bars are stored before line 5 goes back a day.
    const failing = importTicks(store, { symbol: "005380.KS", file: fixture("yahoo-unsorted.csv"), batchSize: 4 });
    await expect(failing).rejects.toThrow(/line 5: 2025-10-21 comes before the previous row's 2025-10-22/);
    expect(await store.ticks.count()).toBe(before);
    expect((await store.ticks.lastTicks()).get("005380.KS")?.seq).toBe(20);
  });

  it("two bars for one day", async () => {
    const file = await csv(
      "repeat.csv",
      "Date,Open,High,Low,Close,Adj Close,Volume\n2025-10-20,1,1,1,1,1,1\n2025-10-20,1,1,1,1,1,1\n",
    );
    await expect(importTicks(store, { symbol: "005380.KS", file })).rejects.toThrow(/line 3: 2025-10-20 repeats/);
    expect(await store.ticks.count()).toBe(0);
  });

  it("a file that does not exist, or is a directory", async () => {
    await expect(importTicks(store, { symbol: "005380.KS", file: path.join(dir, "nope.csv") })).rejects.toThrow(
      /file not found/,
    );
    await expect(importTicks(store, { symbol: "005380.KS", file: dir })).rejects.toThrow(/not a file/);
  });

  it("an empty file", async () => {
    const file = await csv("empty.csv", "");
    await expect(importTicks(store, { symbol: "005380.KS", file })).rejects.toThrow(/empty/);
  });

  it("broken CSV quoting", async () => {
    const before = await seedHistory();
    const file = await csv("quote.csv", 'ts,price,size\n2025-10-22T09:00:00+09:00,"215000,1\n');
    await expect(importTicks(store, { symbol: "005380.KS", file })).rejects.toThrow(/CSV syntax error/);
    expect(await store.ticks.count()).toBe(before);
  });

  it("a database error part way through", async () => {
    const before = await seedHistory();
    let appends = 0;
    const flaky = new Proxy(store.ticks, {
      get(target, name) {
        if (name === "append") {
          return async (ticks: Parameters<TickStore["append"]>[0]) => {
            if (++appends === 3) throw new Error("SQLITE_FULL: database or disk is full");
            return target.append(ticks);
          };
        }
        const value = Reflect.get(target, name) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const failing = importTicks(
      { ...store, ticks: flaky },
      { symbol: "000270.KS", file: fixture("yahoo-daily.csv"), batchSize: 4 },
    );
    await expect(failing).rejects.toThrow(/SQLITE_FULL/);
    expect(appends).toBe(3);
    expect(await store.ticks.count()).toBe(before);
    expect((await store.ticks.lastTicks()).has("000270.KS")).toBe(false);
    expect((await store.instruments.list()).map((i) => i.symbol)).toEqual(["005380.KS"]);
  });

  it("an interruption (Ctrl-C) part way through", async () => {
    const controller = new AbortController();
    const failing = importTicks(store, {
      symbol: "005380.KS",
      file: fixture("yahoo-daily.csv"),
      batchSize: 4,
      signal: controller.signal,
      // Line 4 comes after two bars (two batches) were stored.
      onRowError: () => controller.abort(),
    });
    await expect(failing).rejects.toThrow(/interrupted/);
    expect(await store.ticks.count()).toBe(0);
  });
});

describe("per row: reported with its line number, skipped, the rest imported", () => {
  it("spreadsheet formulas in numeric columns are rejected, never evaluated", async () => {
    const { summary, skipped } = await importCollectingSkips(store, {
      symbol: "005380.KS",
      file: fixture("yahoo-formulas.csv"),
    });
    expect(summary).toMatchObject({ ticks: 8, rows: 6, skipped: 4 });
    expect(skipped).toEqual([
      { line: 3, message: `Open "=cmd|' /C calc'!A0" looks like a spreadsheet formula (never evaluated)` },
      { line: 4, message: `High "+SUM(1;2)" looks like a spreadsheet formula (never evaluated)` },
      { line: 5, message: `Close "-1+1" looks like a spreadsheet formula (never evaluated)` },
      { line: 6, message: `Volume "@x" looks like a spreadsheet formula (never evaluated)` },
    ]);
    const prices = (await store.ticks.find({ symbol: "005380.KS", limit: 100 })).map((t) => t.price);
    expect(prices).toEqual([216_000, 215_000, 218_000, 217_500, 226_000, 225_500, 231_000, 230_500]);
  });

  it("Yahoo's null cells", async () => {
    const file = await csv(
      "nulls.csv",
      "Date,Open,High,Low,Close,Adj Close,Volume\n2025-10-20,216000,218000,215000,217500,217500,640000\n" +
        "2025-10-21,null,null,null,null,null,null\n2025-10-22,221000,229000,220000,228000,228000,null\n",
    );
    const { summary, skipped } = await importCollectingSkips(store, { symbol: "005380.KS", file });
    expect(summary).toMatchObject({ ticks: 4, skipped: 2 });
    expect(skipped).toEqual([
      { line: 3, message: expect.stringMatching(/^Open is null/) },
      { line: 4, message: expect.stringMatching(/^Volume is null/) },
    ]);
  });

  it("days the KRX does not trade (weekend, holiday)", async () => {
    const file = await csv(
      "holidays.csv",
      "Date,Open,High,Low,Close,Adj Close,Volume\n2025-10-02,1,1,1,1,1,4\n2025-10-03,1,1,1,1,1,4\n" +
        "2025-10-04,1,1,1,1,1,4\n2025-10-10,1,1,1,1,1,4\n",
    );
    const { summary, skipped } = await importCollectingSkips(store, { symbol: "005380.KS", file });
    expect(summary).toMatchObject({ ticks: 8, skipped: 2 });
    expect(skipped.map((s) => s.line)).toEqual([3, 4]);
    expect(skipped[0]?.message).toMatch(/2025-10-03 is not a KRX trading day/);
  });

  it("bad numbers, impossible bars, bad dates and short rows", async () => {
    const file = await csv(
      "bad-values.csv",
      [
        "Date,Open,High,Low,Close,Adj Close,Volume",
        "2025-10-13,abc,1,1,1,1,1",
        "2025-10-14,100,90,80,95,95,10",
        "2025-10-15,0,1,1,1,1,1",
        '2025-10-16,"1,000",1,1,1,1,1',
        "2025-02-30,1,1,1,1,1,1",
        "2025-10-17 10:00:00,1,1,1,1,1,1",
        "2025-10-20,1,1",
        "2025-10-21,10,12,9,11,11,100",
      ].join("\n"),
    );
    const { summary, skipped } = await importCollectingSkips(store, { symbol: "005380.KS", file });
    expect(summary).toMatchObject({ ticks: 4, rows: 8, skipped: 7 });
    expect(skipped).toEqual([
      { line: 2, message: 'Open "abc" is not a number' },
      { line: 3, message: "High 90 is below Open, Low or Close" },
      { line: 4, message: 'Open "0" is not a price above 0' },
      { line: 5, message: 'Open "1,000" is not a number' },
      { line: 6, message: 'Date "2025-02-30" is not a calendar date' },
      { line: 7, message: expect.stringMatching(/has no UTC offset/) },
      { line: 8, message: "a partial row: 3 of 7 fields (a file cut off while it was written?)" },
    ]);
  });

  it("line numbers count blank lines and fields that span lines", async () => {
    const file = await csv(
      "lines.csv",
      '\nts,price,size\n\n2025-10-22T09:00:00+09:00,"1\n2",1\n   \n2025-10-22T09:00:01+09:00,x,1\n2025-10-22T09:00:02+09:00,10,1\n',
    );
    const { summary, skipped } = await importCollectingSkips(store, { symbol: "005380.KS", file });
    expect(summary).toMatchObject({ ticks: 1, rows: 3, skipped: 2 });
    expect(skipped.map((s) => s.line)).toEqual([4, 7]);
  });

  it("an invalid symbol is fatal before anything is read", async () => {
    await expect(importTicks(store, { symbol: "5380.KS", file: fixture("ticks.csv") })).rejects.toBeInstanceOf(
      ImportError,
    );
  });
});
