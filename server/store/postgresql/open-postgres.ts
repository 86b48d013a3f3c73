import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/postgresql/client";

export type PostgresPrisma = PrismaClient;

/** A Prisma client on PostgreSQL through the pg driver adapter (a pool of connections). */
export async function openPostgres(url: string): Promise<PostgresPrisma> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  await prisma.$queryRawUnsafe("SELECT 1");
  return prisma;
}
