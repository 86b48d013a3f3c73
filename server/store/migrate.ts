import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Brings the database to the latest migration with `prisma migrate deploy`. The engine
 * variables stop the CLI from trying to download native engines it does not need here.
 */
export async function migrate(databaseUrl: string, sqlitePath: string | null): Promise<void> {
  if (sqlitePath) await mkdir(path.dirname(sqlitePath), { recursive: true });
  const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
  try {
    await run(process.execPath, [prisma, "migrate", "deploy"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: sqlitePath ? `file:${sqlitePath}` : databaseUrl,
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
  } catch (error) {
    const output = (error as { stdout?: string; stderr?: string }).stderr || (error as { stdout?: string }).stdout;
    throw new Error(`migration failed: ${output?.trim().split("\n").slice(-3).join(" ") ?? String(error)}`, {
      cause: error,
    });
  }
}
