import { pino } from "pino";
import type { RedisClientType } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import { connectRedis } from "../../server/cluster/connect-redis";
import { PrivateRedis } from "../support/private-redis";
import { sleep, waitFor } from "../support/wait-for";

const silent = pino({ level: "silent" });

/** A PING that counts as unanswered after a second, as the feed lock's commands do. */
const answers = (client: RedisClientType) =>
  client.isReady &&
  Promise.race([client.ping(), sleep(1_000).then(() => "no answer")]).then(
    (reply) => reply === "PONG",
    () => false,
  );

// node-redis 5.9 could come back from a Redis restart "ready" yet never answer again (its
// in-flight commands lost with the old socket): with the feed lock's connection in that
// state a node can never lead, with the adapter's its viewers get no other node's ticks.
// Clients of both kinds, pinging all the while, must all answer after each of 8 restarts.
describe("Redis connections after restarts", () => {
  const clients: RedisClientType[] = [];
  let redis: PrivateRedis | null = null;
  let pinging = true;
  afterAll(async () => {
    pinging = false;
    for (const client of clients) client.destroy();
    await redis?.stop();
  });

  it.skipIf(!PrivateRedis.available())(
    "every connection answers again, with and without the offline queue",
    async () => {
      redis = await PrivateRedis.start();
      for (const offlineQueue of [true, false, true, false])
        clients.push(await connectRedis(redis.url, silent, { offlineQueue }));
      // Commands in flight when Redis goes down are what the restart must not strand.
      const traffic = clients.map(async (client) => {
        while (pinging) {
          await sleep(20);
          if (client.isReady) await client.ping().catch(() => undefined);
        }
      });
      for (let restart = 1; restart <= 8; restart++) {
        await redis.restart();
        await sleep(200);
        for (const [i, client] of clients.entries())
          await waitFor(`client ${i} to answer after restart ${restart}`, () => answers(client), { timeoutMs: 10_000 });
      }
      pinging = false;
      await Promise.all(traffic);
      expect(clients.every((c) => c.isReady)).toBe(true);
    },
    180_000,
  );
});
