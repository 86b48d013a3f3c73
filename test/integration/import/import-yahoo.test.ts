import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Tick } from "../../../contract/model";
import { KrxCalendar } from "../../../domain/market/krx-calendar";
import { kstTime } from "../../../domain/market/kst";
import { ImportError } from "../../../server/import/import-errors";
import { importTicks } from "../../../server/import/import-ticks";
import type { Store } from "../../../server/store/store";
import { fixture, importCollectingSkips, tempStoreEachTest } from "./temp-store";

const calendar = new KrxCalendar();
let store: Store;
tempStoreEachTest((s) => (store = s));

const ticksOf = (symbol: string): Promise<Tick[]> => store.ticks.find({ symbol, limit: 10_000 });

describe("Yahoo Finance daily CSV", () => {
  it("turns each session's bar into four ticks inside that session, seq from 1", async () => {
    const { summary, skipped } = await importCollectingSkips(store, {
      symbol: "005380.KS",
      file: fixture("yahoo-daily.csv"),
    });
    expect(summary).toMatchObject({ format: "yahoo", ticks: 20, rows: 7, skipped: 2, firstSeq: 1, lastSeq: 20 });
    expect(skipped).toEqual([
      { line: 4, message: expect.stringMatching(/Open is null/) },
      { line: 5, message: expect.stringMatching(/2025-10-09 is not a KRX trading day/) },
    ]);

    const ticks = await ticksOf("005380.KS");
    expect(ticks).toHaveLength(20);
    expect(ticks.map((t) => t.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const tick of ticks) expect(calendar.sessionAt(tick.ts), new Date(tick.ts).toISOString()).not.toBeNull();
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.ts).toBeGreaterThan(ticks[i - 1]!.ts);

    // 2025-10-01: O 210000 H 214000 L 208500 C 212500 V 812345. The low (1,500 away) is
    // nearer the open than the high (4,000 away), so it comes first.
    const day = ticks.slice(0, 4);
    expect(day.map((t) => t.price)).toEqual([210_000, 208_500, 214_000, 212_500]);
    expect(day.map((t) => t.ts)).toEqual([
      kstTime("2025-10-01", 9),
      kstTime("2025-10-01", 11, 10),
      kstTime("2025-10-01", 13, 20),
      kstTime("2025-10-01", 15, 30) - 1_000,
    ]);
    expect(day.map((t) => t.size)).toEqual([203_086, 203_086, 203_086, 203_087]);
    expect(day.reduce((sum, t) => sum + t.size, 0)).toBe(812_345);
    // 2025-10-02: O 212500 H 216000 (3,500 away) L 211000 (1,500 away): low first again;
    // 2025-10-13: O 214500 H 219000 (4,500) L 214000 (500): low first.
    expect(ticks.slice(4, 8).map((t) => t.price)).toEqual([212_500, 211_000, 216_000, 215_000]);
    // 2025-10-14: O 218000 H 221000 (3,000) L 217000 (1,000).
    expect(ticks.slice(16).map((t) => t.price)).toEqual([218_000, 217_000, 221_000, 220_500]);

    const instruments = await store.instruments.list();
    expect(instruments.find((i) => i.symbol === "005380.KS")).toMatchObject({ name: "Hyundai Motor", kind: "stock" });

    // The rows know they are daily bars, and the import is recorded as a source.
    expect(summary.resolution).toBe("1d");
    expect(await store.ticks.resolutions("005380.KS", 0, Date.now())).toEqual(["1d"]);
    expect(await store.sources.list({ symbol: "005380.KS" })).toEqual([
      {
        id: expect.any(Number),
        symbol: "005380.KS",
        kind: "import",
        file: "yahoo-daily.csv",
        resolution: "1d",
        firstTs: ticks[0]!.ts,
        lastTs: ticks.at(-1)!.ts,
        rows: 20,
      },
    ]);
    const closes = await store.ticks.dailyCloses("005380.KS", 0, Date.now());
    expect(closes[0]).toEqual({
      day: "2025-10-01",
      ts: kstTime("2025-10-01", 15, 30) - 1_000,
      close: 212_500,
      volume: 812_345,
    });
    expect(closes).toHaveLength(5);
  });

  it("continues the symbol's seq on a second, later import", async () => {
    await importTicks(store, { symbol: "005380.KS", file: fixture("yahoo-daily.csv") });
    const summary = await importTicks(store, { symbol: "005380.KS", file: fixture("yahoo-daily-later.csv") });
    expect(summary).toMatchObject({ ticks: 12, firstSeq: 21, lastSeq: 32, skipped: 0, instrumentCreated: false });
    const ticks = await ticksOf("005380.KS");
    expect(ticks.map((t) => t.seq)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(ticks[20]!.ts).toBe(kstTime("2025-10-15", 9));
  });

  it("refuses an older file than what is stored and leaves the database as it was", async () => {
    await importTicks(store, { symbol: "005380.KS", file: fixture("yahoo-daily.csv") });
    const before = await store.ticks.count();
    const sources = await store.sources.list();
    await expect(importTicks(store, { symbol: "005380.KS", file: fixture("yahoo-daily-older.csv") })).rejects.toThrow(
      /line 2: the first tick .* is not after the last stored tick/,
    );
    expect(await store.ticks.count()).toBe(before);
    expect(await store.sources.list()).toEqual(sources);
    expect((await ticksOf("005380.KS")).at(-1)?.seq).toBe(20);
  });

  it("reads intraday rows (with their UTC offset) as four ticks inside that minute", async () => {
    const { summary, skipped } = await importCollectingSkips(store, {
      symbol: "000270.KS",
      file: fixture("yahoo-intraday.csv"),
    });
    expect(summary).toMatchObject({ ticks: 16, skipped: 1, resolution: "1m" });
    expect(await store.ticks.resolutions("000270.KS", 0, Date.now())).toEqual(["1m"]);
    // 08:59 is before the open.
    expect(skipped.map((s) => s.line)).toEqual([2]);
    const ticks = await ticksOf("000270.KS");
    const open = kstTime("2025-10-22", 9);
    expect(ticks.slice(0, 4).map((t) => t.ts - open)).toEqual([0, 20_000, 40_000, 59_000]);
    // An equal distance to high and low: the high first.
    expect(ticks.slice(0, 4).map((t) => t.price)).toEqual([215_000, 215_500, 214_500, 215_500]);
    const last = ticks.slice(12).map((t) => t.ts);
    expect(last[0]).toBe(kstTime("2025-10-22", 15, 29));
    expect(last[3]).toBe(kstTime("2025-10-22", 15, 30) - 1_000);
    for (const tick of ticks) expect(calendar.sessionAt(tick.ts)).not.toBeNull();
  });

  it("handles a UTF-8 byte-order mark and CRLF line ends", async () => {
    const summary = await importTicks(store, { symbol: "^KS11", file: fixture("yahoo-bom.csv"), name: "KOSPI test" });
    expect(summary).toMatchObject({ format: "yahoo", ticks: 8, skipped: 0, instrumentCreated: true });
    expect((await ticksOf("^KS11")).map((t) => t.price)).toEqual([
      216_000, 215_000, 218_000, 217_500, 217_500, 217_000, 222_000, 221_000,
    ]);
    // A shipped symbol keeps its shipped definition (aliases for the tagger), with the name given.
    const kospi = (await store.instruments.list()).find((i) => i.symbol === "^KS11");
    expect(kospi).toMatchObject({
      name: "KOSPI test",
      nameKo: "코스피",
      kind: "index",
      aliases: expect.arrayContaining(["KOSPI index"]),
    });
  });

  it("creates an unknown symbol's instrument with the name given, an index for ^", async () => {
    await importTicks(store, { symbol: "^KQ11", file: fixture("yahoo-bom.csv"), name: "KOSDAQ" });
    await importTicks(store, { symbol: "035720.KQ", file: fixture("yahoo-bom.csv") });
    const instruments = await store.instruments.list();
    expect(instruments.find((i) => i.symbol === "^KQ11")).toMatchObject({ name: "KOSDAQ", kind: "index", decimals: 2 });
    expect(instruments.find((i) => i.symbol === "035720.KQ")).toMatchObject({ name: "035720.KQ", kind: "stock" });
  });

  it("rejects an invalid symbol before touching the database", async () => {
    await expect(importTicks(store, { symbol: "HYUNDAI", file: fixture("yahoo-daily.csv") })).rejects.toBeInstanceOf(
      ImportError,
    );
    expect(await store.ticks.count()).toBe(0);
    expect(await store.instruments.list()).toEqual([]);
  });
});

describe("yfinance CSV (three-line header)", () => {
  it("reads Price/Ticker/Date headers, takes Close (not Adj Close), skips null, no-volume and cut-off rows with their lines", async () => {
    const { summary, skipped } = await importCollectingSkips(store, {
      symbol: "005380.KS",
      file: fixture("yfinance-daily.csv"),
    });
    expect(summary).toMatchObject({ format: "yahoo", resolution: "1d", ticks: 16, rows: 7, skipped: 3 });
    expect(skipped).toEqual([
      { line: 6, message: expect.stringMatching(/Close is null|Open is null/) },
      { line: 7, message: "Volume 0 on 2025-10-10: no trading that day, skipped" },
      { line: 10, message: expect.stringMatching(/^a partial row: 3 of 7 fields/) },
    ]);
    const closes = await store.ticks.dailyCloses("005380.KS", 0, Date.now());
    // Close, not Adj Close: the prices traded that day.
    expect(closes.map((d) => [d.day, d.close, d.volume])).toEqual([
      ["2025-10-01", 212_500, 812_345],
      ["2025-10-02", 215_000, 901_234],
      ["2025-10-13", 218_000, 1_000_003],
      ["2025-10-14", 220_500, 955_000],
    ]);
    expect((await ticksOf("005380.KS"))[0]?.price).toBe(210_000);
  });

  it("refuses a file whose Ticker line names another symbol, before writing anything", async () => {
    await expect(importTicks(store, { symbol: "000270.KS", file: fixture("yfinance-daily.csv") })).rejects.toThrow(
      "line 2: the file is for ticker 005380.KS, not --symbol 000270.KS",
    );
    expect(await store.ticks.count()).toBe(0);
    expect(await store.sources.list()).toEqual([]);
  });

  it("reads intraday bars without Adj Close and names their interval from the step between bars", async () => {
    const summary = await importTicks(store, { symbol: "^KS11", file: fixture("yfinance-intraday-5m.csv") });
    expect(summary).toMatchObject({ ticks: 12, skipped: 0, resolution: "5m" });
    const [source] = await store.sources.list({ symbol: "^KS11" });
    expect(source).toMatchObject({ kind: "import", file: "yfinance-intraday-5m.csv", resolution: "5m", rows: 12 });
    expect((await ticksOf("^KS11"))[0]).toMatchObject({ ts: kstTime("2025-10-22", 9), price: 3800 });
  });

  it("reads yfinance's midnight-with-offset dates as daily bars of that day", async () => {
    const file = path.join(os.tmpdir(), `yf-midnight-${process.pid}.csv`);
    await writeFile(
      file,
      "Date,Open,High,Low,Close,Volume\n2025-10-01 00:00:00+09:00,210000,214000,208500,212500,812345\n",
    );
    try {
      const summary = await importTicks(store, { symbol: "005380.KS", file });
      expect(summary).toMatchObject({ ticks: 4, resolution: "1d" });
      expect((await ticksOf("005380.KS"))[0]!.ts).toBe(kstTime("2025-10-01", 9));
    } finally {
      await rm(file, { force: true });
    }
  });
});
