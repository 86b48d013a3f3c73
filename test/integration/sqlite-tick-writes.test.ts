import { afterAll, beforeAll, expect, it } from "vitest";
import type { Tick } from "../../contract/model";
import { migrate } from "../../server/store/migrate";
import { type SqlitePrisma, openSqlite } from "../../server/store/sqlite/open-sqlite";
import { SqliteTickStore } from "../../server/store/sqlite/sqlite-tick-store";
import { removeDb, tempDbFile } from "../support/start-test-app";

// The SQLite tick store writes, and reads its hot paths, on the connection under Prisma's
// client, not through it.
const file = tempDbFile();
let prisma: SqlitePrisma;
let store: SqliteTickStore;

beforeAll(async () => {
  await migrate(`file:${file}`, file);
  prisma = await openSqlite(file);
  store = new SqliteTickStore(prisma);
});
afterAll(async () => {
  await prisma.$disconnect();
  await removeDb(file);
});

const T0 = Date.parse("2025-10-22T00:00:00Z");
const ticks = (count: number, start: number): Tick[] =>
  Array.from({ length: count }, (_, i) => ({
    symbol: "005930.KS",
    seq: start + i,
    ts: T0 + (start + i) * 1_000,
    price: 70_000.5 + i,
    size: 1 + i,
  }));

it("writes a batch of every length (whole groups of rows and the rest), exactly", async () => {
  const batch = ticks(1_234, 1);
  await store.append(batch);
  expect(await store.find({ symbol: "005930.KS", limit: 10_000 })).toEqual(batch);
});

it("does not join a transaction Prisma holds open on the connection: a rollback there keeps the batch", async () => {
  const before = await store.count();
  let appended: Promise<void> | undefined;
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "Tick" ("symbol", "seq", "ts", "price", "size") VALUES ('000270.KS', 1, ${T0}, 1, 1)`,
      );
      appended = store.append(ticks(3, 5_000));
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("roll back");
    }),
  ).rejects.toThrow("roll back");
  await appended;
  expect(await store.count()).toBe(before + 3);
  expect(await store.find({ symbol: "000270.KS", limit: 10 })).toEqual([]);
});

it("does not read a transaction's uncommitted rows: the read waits for its end", async () => {
  let read: Promise<Tick[]> | undefined;
  let trades: Promise<unknown[]> | undefined;
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "Tick" ("symbol", "seq", "ts", "price", "size") VALUES ('035420.KS', 1, ${T0}, 1, 1)`,
      );
      read = store.find({ symbol: "035420.KS", limit: 10 });
      trades = store.trades("035420.KS", T0, T0 + 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("roll back");
    }),
  ).rejects.toThrow("roll back");
  expect(await read).toEqual([]);
  expect(await trades).toEqual([]);
});

it("reads a day's trades exactly, in time order", async () => {
  const batch = ticks(1_234, 1);
  expect(await store.trades("005930.KS", T0, T0 + 2_000 * 1_000)).toEqual(
    batch.map(({ ts, price, size }) => ({ ts, price, size })),
  );
});

it("writes again after Prisma reconnects", async () => {
  await prisma.$disconnect();
  await store.append(ticks(2, 9_000));
  expect((await store.find({ symbol: "005930.KS", afterSeq: 8_999, limit: 10 })).map((t) => t.seq)).toEqual([
    9_000, 9_001,
  ]);
});
