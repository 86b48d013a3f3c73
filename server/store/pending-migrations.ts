import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Something that answers a raw query: either generated Prisma client. */
interface RawQuery {
  $queryRawUnsafe<T>(sql: string): Promise<T>;
}

/**
 * The shipped migrations the database has not applied (read from `_prisma_migrations`,
 * every one of them when the table is missing). Reading is all it does: a second process
 * can ask this while the server holds the database, which `prisma migrate deploy` cannot.
 */
export async function pendingMigrations(prisma: RawQuery, kind: "sqlite" | "postgresql"): Promise<string[]> {
  const dir = path.join(root, "prisma", ...(kind === "postgresql" ? ["postgresql"] : []), "migrations");
  const shipped = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  let applied: Set<string>;
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    applied = new Set();
  }
  return shipped.filter((name) => !applied.has(name));
}
