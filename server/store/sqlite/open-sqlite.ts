import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/sqlite/client";

export type SqlitePrisma = PrismaClient;

/**
 * A Prisma client on the SQLite file, in WAL mode with a busy timeout: readers never block
 * the writer, and a second process waits instead of failing with SQLITE_BUSY.
 */
export async function openSqlite(file: string): Promise<SqlitePrisma> {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  // NORMAL in WAL mode survives a process crash (kill -9); only power loss can drop the
  // last transactions. See README, "Durability".
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  return prisma;
}
