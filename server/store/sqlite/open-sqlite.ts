import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "../generated/sqlite/client";

export type SqlitePrisma = PrismaClient;

// The better-sqlite3 connection under each client, for the tick store's batched writes.
const connections = new WeakMap<SqlitePrisma, () => Database.Database | null>();

/**
 * A Prisma client on the SQLite file, in WAL mode with a busy timeout: readers never block
 * the writer, and a second process waits instead of failing with SQLITE_BUSY.
 */
export async function openSqlite(file: string): Promise<SqlitePrisma> {
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}` });
  // Prisma's adapter keeps its connection as `client`; it is kept here too (and taken again
  // whenever Prisma reconnects) so the tick store writes on that one connection, not a
  // second one that would contend with Prisma's for the write lock.
  let connection: Database.Database | null = null;
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const driver = await connect();
    const client = (driver as unknown as { client?: unknown }).client;
    if (!(client instanceof Database))
      throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its better-sqlite3 connection as `client`");
    connection = client;
    return driver;
  };
  const prisma = new PrismaClient({ adapter });
  connections.set(prisma, () => connection);
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  // NORMAL in WAL mode survives a process crash (kill -9); only power loss can drop the
  // last transactions. See README, "Durability".
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  return prisma;
}

/** The better-sqlite3 connection Prisma's client `prisma` (from `openSqlite`) runs on. */
export async function sqliteConnection(prisma: SqlitePrisma): Promise<Database.Database> {
  const current = connections.get(prisma);
  if (!current) throw new Error("sqliteConnection: the client was not opened by openSqlite");
  // After a $disconnect Prisma connects again on its next query.
  if (!current()?.open) await prisma.$queryRawUnsafe("SELECT 1");
  return current()!;
}
