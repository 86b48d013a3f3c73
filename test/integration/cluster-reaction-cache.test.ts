import { afterAll, describe, expect, it } from "vitest";
import type { NewsItem, Reaction } from "../../contract/model";
import { getOk, postJson } from "../support/http";
import { postgresAvailable } from "../support/postgres";
import { TEST_REDIS_URL, redisAvailable } from "../support/redis";
import { TwoNodes } from "../support/two-nodes";
import { waitFor } from "../support/wait-for";

const SEED_NEWS = "seed-2025-10-22-korea-us-tariff-talks";

// Two real nodes on one PostgreSQL database joined by Redis. Node B has the seed
// headline's reactions cached; a headline posted on node A, 20 minutes later and naming
// the same tickers, confounds them. Node B must answer the new truth, not its cache.
describe("a headline on node A invalidates node B's cached reactions", async () => {
  const available = (await postgresAvailable()) && (await redisAvailable());
  const pair = new TwoNodes();
  afterAll(async () => pair.stop());

  it.skipIf(!available)(
    "B's reactions to the seed headline turn confounded",
    async () => {
      const [a, b] = await pair.start({ redisUrl: TEST_REDIS_URL, env: { FEED: "off" }, leadTimeoutMs: 60_000 });

      const path = `/api/reactions?newsId=${SEED_NEWS}`;
      const before = await getOk<Reaction[]>(b.url, path);
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((r) => !r.confounded)).toBe(true);
      // Asked again: B answers from its cache.
      expect(await getOk<Reaction[]>(b.url, path)).toEqual(before);

      const posted = await postJson<NewsItem>(a.url, "/api/news", {
        headline: "Hyundai Motor and Kia extend gains as tariff talks continue",
        body: "Hyundai Motor and Kia Corp shares rose further in Seoul.",
        publishedAt: "2025-10-22T13:27:00+09:00",
        source: "Aftershock test desk",
      });
      expect(posted.status).toBe(201);
      for (const symbol of before.map((r) => r.symbol)) expect(posted.body.tickers).toContain(symbol);

      await waitFor(
        "node B to see the seed reactions confounded",
        async () => {
          const after = await getOk<Reaction[]>(b.url, path);
          return after.length === before.length && after.every((r) => r.confounded);
        },
        { timeoutMs: 20_000 },
      );
    },
    240_000,
  );
});
