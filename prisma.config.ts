import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

// The CLI runs with the JavaScript schema engine and a driver adapter: Prisma's native
// engines cannot be downloaded on our machines (see README, "Database"). Each provider
// has its own schema and migrations; DATABASE_URL picks one.
const url = process.env.DATABASE_URL ?? "file:./data/aftershock.db";
const isPostgres = /^postgres(ql)?:\/\//.test(url);
const dir = isPostgres ? path.join("prisma", "postgresql") : "prisma";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  adapter: async () => (isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
} satisfies PrismaConfig;
