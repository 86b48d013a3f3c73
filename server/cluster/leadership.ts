import type { Logger } from "pino";
import type { RedisClientType } from "redis";

/** Who runs the feed: exactly one node of a cluster at a time. */
export interface Leadership {
  /** Starts campaigning; `elected` runs on winning, `demoted` on losing the lead. */
  start(handlers: { elected: () => Promise<void>; demoted: () => Promise<void> }): void;
  isLeader(): boolean;
  stop(): Promise<void>;
}

/** A node alone leads from the start. */
export function soloLeadership(): Leadership {
  let leader = false;
  return {
    start(handlers) {
      leader = true;
      void handlers.elected();
    },
    isLeader: () => leader,
    async stop() {
      leader = false;
    },
  };
}

const TTL_MS = 3_000;
const RENEW_MS = 1_000;
const CAMPAIGN_MS = 500;

// Extends the lock only while this node still holds it (compare-and-extend).
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * Leadership by a Redis lock with expiry: the leader renews it every second; if the leader
 * dies the lock lapses within 3 s and the next campaigner (every 0.5 s) takes over. The
 * (symbol, seq) primary key fences a paused old leader: its late writes are rejected.
 */
export function redisLeadership(redis: RedisClientType, cluster: string, node: string, log: Logger): Leadership {
  const LOCK_KEY = `${cluster}:feed-leader`;
  let leader = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let handlers: { elected: () => Promise<void>; demoted: () => Promise<void> } | null = null;
  let busy = false;

  const round = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      if (leader) {
        const renewed = await redis.eval(RENEW, { keys: [LOCK_KEY], arguments: [node, String(TTL_MS)] });
        if (renewed !== 1) {
          leader = false;
          log.warn("lost the feed lock; stopping the feed");
          void handlers?.demoted();
        }
      } else {
        const won = await redis.set(LOCK_KEY, node, { condition: "NX", expiration: { type: "PX", value: TTL_MS } });
        if (won === "OK") {
          leader = true;
          log.info("won the feed lock; this node runs the feed");
          // Not awaited: starting the feed (seeding an empty database) can outlast the
          // lock's expiry, and the renewals must go on meanwhile.
          void handlers?.elected();
        }
      }
    } catch (error) {
      log.error({ err: error }, "feed lock round failed");
      if (leader) {
        leader = false;
        void handlers?.demoted();
      }
    } finally {
      busy = false;
    }
    if (!stopped) timer = setTimeout(() => void round(), leader ? RENEW_MS : CAMPAIGN_MS);
  };

  return {
    start(h) {
      handlers = h;
      void round();
    },
    isLeader: () => leader,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (leader) {
        leader = false;
        await handlers?.demoted();
        await redis.eval(RELEASE, { keys: [LOCK_KEY], arguments: [node] }).catch(() => undefined);
      }
    },
  };
}
