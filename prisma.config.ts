import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

// The CLI runs with the JavaScript schema engine and a driver adapter: Prisma's native
// engines cannot be downloaded on our machines (see README, "Database").
const url = process.env.DATABASE_URL ?? "file:./data/aftershock.db";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
} satisfies PrismaConfig;
