import type { Env } from "../config/env";
import { migrate } from "../db/migrate";
import { openPostgres } from "../db/open-postgres";
import { type SqlitePrisma, openSqlite } from "../db/open-sqlite";
import { PostgresTickStore } from "./postgresql/postgres-tick-store";
import { PrismaInstrumentStore } from "./prisma/prisma-instrument-store";
import { PrismaNewsStore } from "./prisma/prisma-news-store";
import { PrismaSourceStore } from "./prisma/prisma-source-store";
import { SqliteTickStore } from "./sqlite/sqlite-tick-store";
import type { Store } from "./store";

/** Migrates the configured database (SQLite file or PostgreSQL) and opens the store on it. */
export async function openStore(env: Pick<Env, "DATABASE_URL" | "sqlitePath">): Promise<Store> {
  await migrate(env.DATABASE_URL, env.sqlitePath);
  if (env.sqlitePath) {
    const prisma = await openSqlite(env.sqlitePath);
    return {
      kind: "sqlite",
      ticks: new SqliteTickStore(prisma),
      news: new PrismaNewsStore(prisma),
      instruments: new PrismaInstrumentStore(prisma),
      sources: new PrismaSourceStore(prisma),
      close: () => prisma.$disconnect(),
    };
  }
  const prisma = await openPostgres(env.DATABASE_URL);
  // Both clients are generated from the same models, so their model APIs are the same;
  // only the nominal types differ.
  const models = prisma as unknown as SqlitePrisma;
  return {
    kind: "postgresql",
    ticks: new PostgresTickStore(prisma),
    news: new PrismaNewsStore(models),
    instruments: new PrismaInstrumentStore(models),
    sources: new PrismaSourceStore(models),
    close: () => prisma.$disconnect(),
  };
}
