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
      for (let after = 0; ; ) {
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
        { ts: T0 + 10_000, price: 215_000 + 3 * 500, size: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce((a, s) => a + 1 + (s % 13), 0) },
      ]);
      const minutes = await store.ticks.minuteCloses("005380.KS", T0, T0 + 180_000);
      // Minutes close on the right: the trade at T0 + 60 s ends the first one.
      expect(minutes.map((m) => m.ts)).toEqual([T0 + 60_000, T0 + 120_000, T0 + 179_000]);
      expect(minutes[1]!.price).toBe(215_000 + (120 % 7) * 500);
    });

    it.skipIf(!available)("stores headlines once, newest first, filtered by ticker and time", async () => {
      expect(await store.news.insert(news("a", "2025-10-22T04:07:00Z", ["005380.KS", "000270.KS"]))).toBe(true);
      expect(await store.news.insert(news("b", "2025-10-22T05:00:00Z", ["000270.KS"]))).toBe(true);
      expect(await store.news.insert(news("c", "2025-10-21T05:00:00Z", ["^KS11"]))).toBe(true);
      expect(await store.news.insert(news("a", "2025-10-22T04:07:00Z", []))).toBe(false);
      expect((await store.news.find({ limit: 10 })).map((n) => n.id)).toEqual(["b", "a", "c"]);
      expect((await store.news.find({ symbol: "000270.KS", limit: 10 })).map((n) => n.id)).toEqual(["b", "a"]);
      const range = await store.news.find({ from: Date.parse("2025-10-22T00:00:00Z"), to: Date.parse("2025-10-22T04:30:00Z"), limit: 10 });
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
