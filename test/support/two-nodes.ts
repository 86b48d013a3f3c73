import { randomUUID } from "node:crypto";
import { createTestDatabase } from "./postgres";
import { type NodeProcess, spawnNode } from "./spawn-node";
import { waitFor } from "./wait-for";

// Seeding a fresh PostgreSQL database with its history comes first: on a loaded 2-core
// machine that has taken over 15 s.
const LEAD_WAIT_MS = 90_000;

export interface TwoNodesOptions {
  /** The Redis that joins the nodes. */
  redisUrl: string;
  /** Added to both nodes' environment: the feed's settings. */
  env: Record<string, string>;
  /** The cluster name's prefix (a random suffix keeps runs apart in one Redis). */
  cluster?: string;
  /** How long node A may take to lead (and seed its database). */
  leadTimeoutMs?: number;
}

/**
 * Two server processes on one fresh PostgreSQL database, joined by Redis: node A is
 * started and leads before node B starts, so which node holds the feed is known. Whatever
 * was started is stopped by `stop`, also when `start` failed half-way.
 */
export class TwoNodes {
  /** The nodes started so far: A, then B. */
  readonly nodes: NodeProcess[] = [];
  private dropDb: (() => Promise<void>) | null = null;

  /** Starts node A, waits for it to lead, starts node B; returns both. */
  async start({
    redisUrl,
    env,
    cluster = "it",
    leadTimeoutMs = LEAD_WAIT_MS,
  }: TwoNodesOptions): Promise<[NodeProcess, NodeProcess]> {
    const db = await createTestDatabase();
    this.dropDb = db.drop;
    const shared = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      CLUSTER: `${cluster}-${randomUUID().slice(0, 8)}`,
      ...env,
    };
    const a = await spawnNode(shared);
    this.nodes.push(a);
    await waitFor("node A to lead", async () => (await a.health())?.leader, { timeoutMs: leadTimeoutMs });
    const b = await spawnNode(shared);
    this.nodes.push(b);
    return [a, b];
  }

  /** Stops every node started, then drops the database. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    await this.dropDb?.();
  }
}
