import { existsSync } from "node:fs";
import type { Env } from "../config/env";
import { migrate } from "./migrate";
import { pendingMigrations } from "./pending-migrations";
import { openPostgres } from "./postgresql/open-postgres";
import { type SqlitePrisma, openSqlite } from "./sqlite/open-sqlite";
import { PostgresTickStore } from "./postgresql/postgres-tick-store";
import { PrismaInstrumentStore } from "./prisma/prisma-instrument-store";
import { PrismaNewsStore } from "./prisma/prisma-news-store";
import { PrismaSourceStore } from "./prisma/prisma-source-store";
import { SqliteTickStore } from "./sqlite/sqlite-tick-store";
import type { Store } from "./store";

/**
 * Who opens the store. Either way the schema is brought to the latest migration, with
 * `prisma migrate deploy` run only when the database lacks a shipped migration: on
 * PostgreSQL the CLI stays up 10 s after its work is done (a timer of its schema engine), so
 * running it on every start cost a restarted node 10 s for nothing. A `cli` (import, study)
 * may find a server holding the database, which the migration engine cannot work beside;
 * its error says what to do.
 */
export type OpenedBy = "server" | "cli";

/** Migrates the configured database (SQLite file or PostgreSQL) when it is behind and opens the store on it. */
export async function openStore(
  env: Pick<Env, "DATABASE_URL" | "sqlitePath">,
  by: OpenedBy = "server",
): Promise<Store> {
  await migrateWhenBehind(env, by);
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

async function migrateWhenBehind(env: Pick<Env, "DATABASE_URL" | "sqlitePath">, by: OpenedBy): Promise<void> {
  const kind = env.sqlitePath ? "sqlite" : "postgresql";
  // A missing SQLite file is a new database: nobody else can hold it, so migrate it.
  if (env.sqlitePath && !existsSync(env.sqlitePath)) return migrate(env.DATABASE_URL, env.sqlitePath);
  const prisma = env.sqlitePath ? await openSqlite(env.sqlitePath) : await openPostgres(env.DATABASE_URL);
  let pending: string[];
  try {
    pending = await pendingMigrations(prisma, kind);
  } finally {
    await prisma.$disconnect();
  }
  if (pending.length === 0) return;
  try {
    await migrate(env.DATABASE_URL, env.sqlitePath);
  } catch (error) {
    if (by === "server") throw error;
    throw new Error(
      `the database lacks migration${pending.length > 1 ? "s" : ""} ${pending.join(", ")} and could not be migrated ` +
        `(is a server of an older version running on it? stop it, or start this version's server once, then import again): ` +
        (error as Error).message,
      { cause: error },
    );
  }
}
