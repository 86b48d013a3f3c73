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
const RETRY_MS = 250;
// The leader stops this long before its lock could lapse in Redis, so the next leader never
// starts while it still runs: the margin covers a late timer and the clocks' drift.
const MARGIN_MS = 500;
const COMMAND_TIMEOUT_MS = 1_000;

// Takes the lock when it is free and extends it when this node holds it: 1 when it does.
// One script for the leader and the campaigners, so a leader whose lock vanished (Redis
// restarted empty) takes it back instead of handing the feed over.
const CLAIM = `local holder = redis.call("get", KEYS[1])
if holder == ARGV[1] then redis.call("pexpire", KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * Leadership by a Redis lock with expiry, held as a lease. The leader renews the lock every
 * second and counts its lease from when it *sent* the last renewal that succeeded; when it
 * cannot renew in time (Redis down, commands stuck) it stops the feed before the lock can
 * lapse, so two feeds never run at once. A lost connection alone does not hand the feed
 * over: the leader keeps its lease and reclaims the lock when Redis answers again, while a
 * node that has just reconnected waits one lock expiry before campaigning (the lock it would
 * find free may only have vanished with a Redis restart). If the leader dies, the lock lapses
 * within 3 s and the next campaigner (every 0.5 s) takes over. The (symbol, seq) primary key
 * still fences a paused old leader: its late writes are rejected.
 */
export function redisLeadership(redis: RedisClientType, cluster: string, node: string, log: Logger): Leadership {
  const LOCK_KEY = `${cluster}:feed-leader`;
  let leader = false;
  let stopped = false;
  let handlers: { elected: () => Promise<void>; demoted: () => Promise<void> } | null = null;
  let busy = false;
  let failing = false;
  let timer: NodeJS.Timeout | null = null;
  let lapse: NodeJS.Timeout | null = null;
  let quietUntil = 0;
  const reconnected = () => (quietUntil = Date.now() + TTL_MS);

  const elect = () => {
    leader = true;
    log.info("won the feed lock; this node runs the feed");
    // Not awaited: starting the feed (seeding an empty database) can outlast the lock's
    // expiry, and the renewals must go on meanwhile.
    void handlers?.elected();
  };
  const demote = (reason: string) => {
    if (lapse) clearTimeout(lapse);
    lapse = null;
    if (!leader) return;
    leader = false;
    log.warn(`${reason}; stopping the feed`);
    void handlers?.demoted();
  };
  /** The lease runs until `until`; past it less the margin, this node no longer leads. */
  const extend = (until: number) => {
    if (lapse) clearTimeout(lapse);
    lapse = setTimeout(() => demote("could not renew the feed lock in time"), until - MARGIN_MS - Date.now());
  };

  const claim = async (): Promise<void> => {
    const sentAt = Date.now();
    const held = await within(
      COMMAND_TIMEOUT_MS,
      redis.eval(CLAIM, { keys: [LOCK_KEY], arguments: [node, String(TTL_MS)] }),
    );
    failing = false;
    // An answer that comes after the lease it would grant is spent grants nothing.
    if (held === 1 && Date.now() < sentAt + TTL_MS - MARGIN_MS) {
      extend(sentAt + TTL_MS);
      if (!leader) elect();
    } else {
      demote(held === 1 ? "renewed the feed lock too late" : "lost the feed lock");
    }
  };

  const round = async () => {
    if (busy || stopped) return;
    busy = true;
    let next = leader ? RENEW_MS : CAMPAIGN_MS;
    try {
      // Down, a command would fail at once (the lock's connection queues nothing): wait.
      if (!redis.isReady) next = RETRY_MS;
      else if (leader || Date.now() >= quietUntil) await claim();
    } catch (error) {
      if (!failing) log.error({ err: error }, "feed lock round failed; the lease holds until it lapses");
      failing = true;
      next = RETRY_MS;
    } finally {
      busy = false;
    }
    if (!stopped) timer = setTimeout(() => void round(), next);
  };

  return {
    start(h) {
      handlers = h;
      redis.on("ready", reconnected);
      void round();
    },
    isLeader: () => leader,
    async stop() {
      stopped = true;
      redis.off("ready", reconnected);
      if (timer) clearTimeout(timer);
      if (lapse) clearTimeout(lapse);
      if (leader) {
        leader = false;
        await handlers?.demoted();
        await redis.eval(RELEASE, { keys: [LOCK_KEY], arguments: [node] }).catch(() => undefined);
      }
    },
  };
}

/** `promise`, or a rejection once `ms` have passed without it settling. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
