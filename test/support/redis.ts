import { createClient } from "redis";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether Redis is reachable; in CI it must be (a missing server fails the run). */
export async function redisAvailable(): Promise<boolean> {
  const client = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    if (process.env.CI)
      throw new Error(`Redis is required in CI but unreachable at ${TEST_REDIS_URL}: ${String(error)}`, {
        cause: error,
      });
    console.warn(`skipping Redis tests: no server at ${TEST_REDIS_URL} (see README, "Running PostgreSQL and Redis")`);
    return false;
  } finally {
    await client.quit().catch(() => undefined);
  }
}
