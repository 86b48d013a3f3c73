import type { Logger } from "pino";
import { type RedisClientType, createClient } from "redis";

// Redis is on the same network as the nodes: after a restart, be back within half a second
// (the client's default backs off to 2 s), well inside the feed lock's lease.
const reconnectIn = (retries: number) => Math.min(50 * (retries + 1), 500) + Math.floor(Math.random() * 50);

/**
 * A connected Redis client; errors after the first connect are logged once per outage.
 * With `offlineQueue: false` a command sent while the connection is down fails at once
 * instead of waiting to be sent after the reconnect: the feed lock's commands must be
 * answered by the Redis they were sent to, never by the one that restarted after.
 */
export async function connectRedis(
  url: string,
  log: Logger,
  { offlineQueue = true }: { offlineQueue?: boolean } = {},
): Promise<RedisClientType> {
  const client: RedisClientType = createClient({
    url,
    socket: { connectTimeout: 5_000, reconnectStrategy: reconnectIn },
    disableOfflineQueue: !offlineQueue,
  });
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
