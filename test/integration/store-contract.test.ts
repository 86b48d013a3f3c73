import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Instrument, NewsItem, Tick } from "../../contract/model";
import { SHIPPED_INSTRUMENTS } from "../../domain/instruments";
import { openStore } from "../../server/store/open-store";
import type { Store } from "../../server/store/store";
import { createTestDatabase, postgresAvailable } from "../support/postgres";
import { removeDb, tempDbFile } from "../support/start-test-app";

// One behaviour suite, run against every store implementation.
interface Backend {
  name: string;
  available: () => Promise<boolean>;
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "sqlite",
    available: async () => true,
    open: async () => {
      const file = tempDbFile();
      const store = await openStore({ DATABASE_URL: `file:${file}`, sqlitePath: file });
      return { store, cleanup: async () => removeDb(file) };
    },
  },
  {
    name: "postgresql",
    available: postgresAvailable,
    open: async () => {
      const db = await createTestDatabase();
      const store = await openStore({ DATABASE_URL: db.url, sqlitePath: null });
      return { store, cleanup: db.drop };
    },
  },
];

const T0 = Date.parse("2025-10-22T00:00:00Z");
const ticksFor = (symbol: string, count: number, start = 1): Tick[] =>
  Array.from({ length: count }, (_, i) => ({
    symbol,
    seq: start + i,
    ts: T0 + (start + i) * 1_000,
    price: 215_000 + ((start + i) % 7) * 500,
    size: 1 + ((start + i) % 13),
  }));

const news = (id: string, at: string, tickers: string[]): NewsItem => ({
  id,
  publishedAt: new Date(at).toISOString(),
  headline: `headline ${id}`,
  body: `body of ${id} with <b>markup</b> kept as text`,
  source: "test",
  url: null,
  tickers,
});

for (const backend of backends) {
  describe(`${backend.name} store`, async () => {
    const available = await backend.available();
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      if (!available) return;
      ({ store, cleanup } = await backend.open());
      await store.instruments.upsert(SHIPPED_INSTRUMENTS);
    });
    afterAll(async () => {
      if (!available) return;
      await store.close();
      await cleanup();
    });

    it.skipIf(!available)("says which database it is", () => {
      expect(store.kind).toBe(backend.name);
    });

    it.skipIf(!available)("stores a large batch and reads it back in seq order, exactly", async () => {
      const ticks = ticksFor("005380.KS", 45_000);
      await store.ticks.append(ticks);
      const back: Tick[] = [];
      for (let after = 0; ;) {
        const page = await store.ticks.find({ symbol: "005380.KS", afterSeq: after, limit: 10_000 });
        if (page.length === 0) break;
        back.push(...page);
        after = page.at(-1)!.seq;
      }
      expect(back).toEqual(ticks);
    });

    it.skipIf(!available)("reads by time range with a limit, ascending by seq", async () => {
      const from = T0 + 100_000;
      const to = T0 + 200_000;
      const page = await store.ticks.find({ symbol: "005380.KS", from, to, limit: 50 });
      expect(page.map((t) => t.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
      const all = await store.ticks.find({ symbol: "005380.KS", from, to, limit: 10_000 });
      expect(all).toHaveLength(101);
      expect(all.at(-1)!.ts).toBe(to);
    });

    it.skipIf(!available)("never reuses a seq: a batch with a taken seq fails as a whole", async () => {
      const before = await store.ticks.count();
      const clash = [...ticksFor("000270.KS", 3), ...ticksFor("005380.KS", 1, 45_000)];
      await expect(store.ticks.append(clash)).rejects.toThrow();
      expect(await store.ticks.count()).toBe(before);
      expect(await store.ticks.find({ symbol: "000270.KS", limit: 10 })).toEqual([]);
    });

    it.skipIf(!available)("keeps every double and any symbol text exactly as given", async () => {
      const odd = ['q"uote', "back\\slash", "comma,brace}", "space d", "NULL"];
      const prices = [0.1 + 0.2, 1e-7, 123_456_789.123_456_78, 5e21, 3762.0600000000004];
      const ticks = odd.map((symbol, i) => ({ symbol, seq: 1, ts: T0 + i, price: prices[i]!, size: 2_000_000_000 }));
      await store.ticks.append(ticks);
      for (const tick of ticks) expect(await store.ticks.find({ symbol: tick.symbol, limit: 10 })).toEqual([tick]);
      for (const tick of ticks) await store.ticks.deleteAfter(tick.symbol, 0);
    });

    it.skipIf(!available)("knows the last tick of every symbol and the last one before a time", async () => {
      await store.ticks.append(ticksFor("000270.KS", 10));
      const last = await store.ticks.lastTicks();
      expect(last.get("005380.KS")?.seq).toBe(45_000);
      expect(last.get("000270.KS")?.seq).toBe(10);
      expect(last.has("^KS11")).toBe(false);
      expect((await store.ticks.lastAtOrBefore("000270.KS", T0 + 5_500))?.seq).toBe(5);
      expect(await store.ticks.lastAtOrBefore("000270.KS", T0)).toBeNull();
    });

    it.skipIf(!available)("hands out the trades of a half-open time range", async () => {
      const trades = await store.ticks.trades("000270.KS", T0 + 2_000, T0 + 5_000);
      expect(trades).toEqual(ticksFor("000270.KS", 3, 2).map(({ ts, price, size }) => ({ ts, price, size })));
    });

    it.skipIf(!available)("condenses a range to each minute's last trade and volume", async () => {
      // 000270.KS holds seqs 1–10 at T0 + seq seconds: all inside the first minute.
      expect(await store.ticks.minuteCloses("000270.KS", T0, T0 + 60_000)).toEqual([
        {
          ts: T0 + 10_000,
          price: 215_000 + 3 * 500,
          size: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce((a, s) => a + 1 + (s % 13), 0),
        },
      ]);
      const minutes = await store.ticks.minuteCloses("005380.KS", T0, T0 + 180_000);
      // Minutes close on the right: the trade at T0 + 60 s ends the first one.
      expect(minutes.map((m) => m.ts)).toEqual([T0 + 60_000, T0 + 120_000, T0 + 179_000]);
      expect(minutes[1]!.price).toBe(215_000 + (120 % 7) * 500);
    });

    it.skipIf(!available)("keeps each row's resolution and names those present in a range, finest first", async () => {
      // 000660.KS: one imported daily bar on 21 Oct (four ticks, 09:00–15:29:59 Seoul), then
      // ticks on 22 Oct from 09:00 Seoul.
      const day = Date.parse("2025-10-21T00:00:00Z");
      const bar = [0, 7_800_000, 15_600_000, 23_399_000].map((dt, i) => ({
        symbol: "000660.KS",
        seq: i + 1,
        ts: day + dt,
        price: [500_000, 510_000, 490_000, 505_000][i]!,
        size: 1_000 + i,
      }));
      await store.ticks.append(bar, "1d");
      const next = Date.parse("2025-10-22T00:00:00Z");
      const ticks = [0, 1_000, 2_000].map((dt, i) => ({
        symbol: "000660.KS",
        seq: 5 + i,
        ts: next + dt,
        price: 506_000 + i * 1_000,
        size: 10,
      }));
      await store.ticks.append(ticks);
      expect(await store.ticks.resolutions("000660.KS", day, next + 3_000)).toEqual(["tick", "1d"]);
      expect(await store.ticks.resolutions("000660.KS", day, next)).toEqual(["1d"]);
      expect(await store.ticks.resolutions("000660.KS", next, next + 3_000)).toEqual(["tick"]);
      expect(await store.ticks.resolutions("000660.KS", 0, day)).toEqual([]);
      // Reads by seq are unchanged: a bar's ticks come back as ticks.
      expect((await store.ticks.find({ symbol: "000660.KS", limit: 10 })).map((t) => t.seq)).toEqual([
        1, 2, 3, 4, 5, 6, 7,
      ]);
    });

    it.skipIf(!available)("reads one close and the summed volume per Seoul calendar day", async () => {
      const from = Date.parse("2025-10-20T15:00:00Z"); // 00:00 Seoul on 21 Oct
      const days = await store.ticks.dailyCloses("000660.KS", from, from + 2 * 86_400_000);
      expect(days).toEqual([
        {
          day: "2025-10-21",
          ts: Date.parse("2025-10-21T00:00:00Z") + 23_399_000,
          close: 505_000,
          volume: 1_000 + 1_001 + 1_002 + 1_003,
        },
        { day: "2025-10-22", ts: Date.parse("2025-10-22T00:00:00Z") + 2_000, close: 508_000, volume: 30 },
      ]);
      // A print at 23:59 Seoul belongs to its own day, one at 00:00 to the next.
      const late = Date.parse("2025-10-22T14:59:00Z");
      await store.ticks.append([
        { symbol: "000660.KS", seq: 8, ts: late, price: 1, size: 1 },
        { symbol: "000660.KS", seq: 9, ts: late + 60_000, price: 2, size: 2 },
      ]);
      const split = await store.ticks.dailyCloses("000660.KS", from, from + 3 * 86_400_000);
      expect(split.map((d) => [d.day, d.close, d.volume])).toEqual([
        ["2025-10-21", 505_000, 4_006],
        ["2025-10-22", 1, 31],
        ["2025-10-23", 2, 2],
      ]);
      expect(await store.ticks.dailyCloses("000660.KS", 0, from)).toEqual([]);
    });

    it.skipIf(!available)(
      "records data sources, lists them by symbol and after an id, and extends a running one",
      async () => {
        const base = {
          kind: "import" as const,
          file: "005380.KS.csv",
          resolution: "1d" as const,
          firstTs: 1_000,
          lastTs: 2_000,
          rows: 4,
        };
        const first = await store.sources.record({ symbol: "005380.KS", ...base });
        const second = await store.sources.record({
          symbol: "^KS11",
          ...base,
          file: null,
          kind: "simulated",
          resolution: "tick",
        });
        expect(second).toBeGreaterThan(first);
        expect(await store.sources.list({ symbol: "005380.KS" })).toEqual([
          { id: first, symbol: "005380.KS", ...base },
        ]);
        expect((await store.sources.list({ afterId: first })).map((s) => s.id)).toEqual([second]);
        await store.sources.extend(second, 9_000, 40);
        const [ks11] = await store.sources.list({ symbol: "^KS11" });
        expect([ks11?.lastTs, ks11?.rows, ks11?.file]).toEqual([9_000, 40, null]);
      },
    );

    it.skipIf(!available)("stores headlines once, newest first, filtered by ticker and time", async () => {
      expect(await store.news.insert(news("a", "2025-10-22T04:07:00Z", ["005380.KS", "000270.KS"]))).toBe(true);
      expect(await store.news.insert(news("b", "2025-10-22T05:00:00Z", ["000270.KS"]))).toBe(true);
      expect(await store.news.insert(news("c", "2025-10-21T05:00:00Z", ["^KS11"]))).toBe(true);
      expect(await store.news.insert(news("a", "2025-10-22T04:07:00Z", []))).toBe(false);
      expect((await store.news.find({ limit: 10 })).map((n) => n.id)).toEqual(["b", "a", "c"]);
      expect((await store.news.find({ symbol: "000270.KS", limit: 10 })).map((n) => n.id)).toEqual(["b", "a"]);
      const range = await store.news.find({
        from: Date.parse("2025-10-22T00:00:00Z"),
        to: Date.parse("2025-10-22T04:30:00Z"),
        limit: 10,
      });
      expect(range.map((n) => n.id)).toEqual(["a"]);
      expect(await store.news.get("a")).toEqual(news("a", "2025-10-22T04:07:00Z", ["000270.KS", "005380.KS"]));
      expect(await store.news.get("nope")).toBeNull();
      expect(await store.news.count()).toBe(3);
    });

    it.skipIf(!available)("upserts instruments without duplicating them", async () => {
      const renamed: Instrument = { ...SHIPPED_INSTRUMENTS[0]!, name: "Hyundai Motor Co." };
      await store.instruments.upsert([renamed]);
      const list = await store.instruments.list();
      expect(list).toHaveLength(SHIPPED_INSTRUMENTS.length);
      expect(list.find((i) => i.symbol === renamed.symbol)).toEqual(renamed);
    });
  });
}
