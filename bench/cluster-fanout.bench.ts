import { io, type Socket } from "socket.io-client";
import type { Tick } from "../contract/model";
import { postgresAvailable } from "../test/support/postgres";
import { TEST_REDIS_URL, redisAvailable } from "../test/support/redis";
import type { NodeProcess } from "../test/support/spawn-node";
import { TwoNodes } from "../test/support/two-nodes";
import { type BenchResult, result } from "./harness";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"];

interface Group {
  sockets: Socket[];
  delivered: number;
  gaps: number;
}

// Viewers of one node: each keeps its last seq per symbol and counts jumps.
async function connectGroup(node: NodeProcess, clients: number): Promise<Group> {
  const group: Group = { sockets: [], delivered: 0, gaps: 0 };
  for (let i = 0; i < clients; i++) {
    // One loopback address per client, as distinct viewers would have (per-address limits).
    const socket = io(node.url, {
      transports: ["websocket"],
      forceNew: true,
      localAddress: `127.0.${1 + (i >> 8)}.${1 + (i & 0xff)}`,
    } as never);
    const last = new Map<string, number>();
    socket.on("ticks", (batch: Tick[]) => {
      group.delivered += batch.length;
      for (const t of batch) {
        const seen = last.get(t.symbol);
        if (seen !== undefined && t.seq !== seen + 1) group.gaps++;
        last.set(t.symbol, t.seq);
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    await socket.timeout(10_000).emitWithAck("subscribe", { symbols: SYMBOLS });
    group.sockets.push(socket);
  }
  return group;
}

/**
 * Fan-out across two nodes on PostgreSQL joined by Redis: ticks/s delivered to viewers of
 * the follower (every tick crosses the Redis Streams adapter) against viewers of the
 * leader (local emits), measured in the same window.
 */
export async function benchClusterFanout(quick: boolean): Promise<BenchResult[]> {
  if (!(await postgresAvailable()) || !(await redisAvailable())) return [];
  const clients = quick ? 50 : 200;
  const seconds = quick ? 4 : 10;
  const pair = new TwoNodes();
  const groups: Group[] = [];
  try {
    const [leader, follower] = await pair.start({
      redisUrl: TEST_REDIS_URL,
      env: { FEED_SPEED: "400" },
      cluster: "bench",
      leadTimeoutMs: 60_000,
    });
    const onLeader = await connectGroup(leader, clients);
    const onFollower = await connectGroup(follower, clients);
    groups.push(onLeader, onFollower);
    await new Promise((r) => setTimeout(r, 1_000));
    const [a0, b0] = [onLeader.delivered, onFollower.delivered];
    await new Promise((r) => setTimeout(r, seconds * 1_000));
    const leaderRate = (onLeader.delivered - a0) / seconds;
    const followerRate = (onFollower.delivered - b0) / seconds;
    const gaps = onLeader.gaps + onFollower.gaps;
    return [
      result(
        `fan-out across two nodes: ticks/s to ${clients} viewers of the follower, via Redis (seq jumps seen: ${gaps})`,
        followerRate,
        "ticks/s",
        {
          name: `${clients} viewers of the leader node`,
          value: leaderRate,
        },
      ),
    ];
  } finally {
    for (const group of groups) for (const socket of group.sockets) socket.close();
    await pair.stop();
  }
}
