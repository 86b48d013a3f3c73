import { randomUUID } from "node:crypto";
import { pino } from "pino";
import type { RedisClientType } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import { connectRedis } from "../../server/cluster/connect-redis";
import { type Leadership, redisLeadership } from "../../server/cluster/leadership";
import { PrivateRedis } from "../support/private-redis";
import { waitFor } from "../support/wait-for";

// What the candidates logged, printed when the test fails.
const lines: string[] = [];
const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });

/** One campaigning node: its own Redis connection and leadership, and when it led. */
class Candidate {
  elections = 0;
  private constructor(
    readonly name: string,
    readonly redis: RedisClientType,
    readonly leadership: Leadership,
  ) {}
  static async start(name: string, url: string, cluster: string): Promise<Candidate> {
    const redis = await connectRedis(url, log, { offlineQueue: false });
    const candidate = new Candidate(name, redis, redisLeadership(redis, cluster, name, log.child({ candidate: name })));
    candidate.leadership.start({ elected: async () => void candidate.elections++, demoted: async () => {} });
    return candidate;
  }
  async stop(): Promise<void> {
    await this.leadership.stop();
    await this.redis.close().catch(() => undefined);
  }
}

/** Samples who leads every few milliseconds; `most` is the largest number leading at once. */
class Watch {
  most = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly candidates: Candidate[]) {
    this.timer = setInterval(() => (this.most = Math.max(this.most, this.leaders().length)), 10);
  }
  leaders(): string[] {
    return this.candidates.filter((c) => c.leadership.isLeader()).map((c) => c.name);
  }
  /** Waits until exactly one leads and goes on leading for `holdMs`; returns its name. */
  async settled(what: string, holdMs = 4_000): Promise<string> {
    let since = 0;
    let who = "";
    await waitFor(
      what,
      () => {
        const now = this.leaders();
        if (now.length !== 1 || now[0] !== who) [since, who] = [Date.now(), now.length === 1 ? now[0]! : ""];
        return who !== "" && Date.now() - since >= holdMs;
      },
      { timeoutMs: 30_000 },
    );
    return who;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

// The lease in server/cluster/leadership.ts against a redis-server of the test's own: its
// connections killed, the server restarted empty, the leader gone. Two candidates in one
// process, so "never two leaders at once" is checked on the flags themselves, every 10 ms.
describe("feed leadership over a real Redis", () => {
  const candidates: Candidate[] = [];
  let redis: PrivateRedis | null = null;
  let watch: Watch | null = null;
  afterAll(async () => {
    watch?.stop();
    await Promise.all(candidates.map((c) => c.stop()));
    await redis?.stop();
  });

  it.skipIf(!PrivateRedis.available())(
    "one leader through CLIENT KILL and a restart, never two; the lease passes on when the leader goes",
    async ({ onTestFailed }) => {
      onTestFailed(() => console.log(lines.join("")));
      redis = await PrivateRedis.start();
      const cluster = `lease-${randomUUID().slice(0, 8)}`;
      const a = await Candidate.start("a", redis.url, cluster);
      candidates.push(a);
      await waitFor("a to lead", () => a.leadership.isLeader());
      const b = await Candidate.start("b", redis.url, cluster);
      candidates.push(b);
      watch = new Watch(candidates);
      expect(await watch.settled("one leader with both campaigning")).toBe("a");

      // Every connection killed: both reconnect at once; the leader keeps its lease and
      // reclaims its lock, so the feed does not change hands.
      expect(Number(await redis.cli("CLIENT", "KILL", "TYPE", "normal"))).toBeGreaterThanOrEqual(2);
      expect(await watch.settled("one leader after CLIENT KILL")).toBe("a");
      expect(a.elections).toBe(1);

      // Restarted empty: the lock is gone. The leader takes it back if Redis is back within
      // its lease; a longer outage ends the lease first, and then either may lead.
      const down = Date.now();
      await redis.restart();
      const outageMs = Date.now() - down;
      const after = await watch.settled("one leader after the restart");
      if (outageMs < 1_000) expect(after, `Redis was away ${outageMs} ms`).toBe("a");

      // The leader goes without releasing the lock (its connection closes): the lock lapses
      // and the other takes over.
      const leaving = after === "a" ? a : b;
      const staying = leaving === a ? b : a;
      leaving.redis.destroy();
      expect(await watch.settled("the other to take over")).toBe(staying.name);

      expect(watch.most).toBe(1);
    },
    120_000,
  );
});
