import type { Logger } from "pino";
import { type RedisClientType, createClient } from "redis";

/** A connected Redis client; errors after the first connect are logged once per outage. */
export async function connectRedis(url: string, log: Logger): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url, socket: { connectTimeout: 5_000 } });
  let down = false;
  client.on("error", (error: unknown) => {
    if (!down) log.error({ err: error }, "Redis connection error");
    down = true;
  });
  client.on("ready", () => {
    if (down) log.info("Redis connection is back");
    down = false;
  });
  await client.connect();
  return client;
}
