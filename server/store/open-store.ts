import type { Env } from "../config/env";
import { migrate } from "../db/migrate";
import { openSqlite } from "../db/open-sqlite";
import { SqliteInstrumentStore } from "./sqlite/sqlite-instrument-store";
import { SqliteNewsStore } from "./sqlite/sqlite-news-store";
import { SqliteTickStore } from "./sqlite/sqlite-tick-store";
import type { Store } from "./store";

/** Migrates the configured database and opens the store on it. */
export async function openStore(env: Pick<Env, "DATABASE_URL" | "sqlitePath">): Promise<Store> {
  if (!env.sqlitePath) {
    throw new Error("DATABASE_URL: PostgreSQL support is not built yet; use a file: URL (see README)");
  }
  await migrate(env.DATABASE_URL, env.sqlitePath);
  const prisma = await openSqlite(env.sqlitePath);
  return {
    kind: "sqlite",
    ticks: new SqliteTickStore(prisma),
    news: new SqliteNewsStore(prisma),
    instruments: new SqliteInstrumentStore(prisma),
    close: () => prisma.$disconnect(),
  };
}
