import type { Logger } from "pino";
import type { MarketClock } from "../../contract/model";
import type { Feed } from "../feed/feed";

/**
 * The feed as one node of a cluster sees it: built and run only while this node leads
 * (each time from what the store holds, so seqs continue), stopped when it stops leading.
 */
export class LeaderFeed implements Feed {
  private current: Feed | null = null;
  private transition: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly create: () => Promise<Feed>,
    private readonly log: Logger,
  ) {}

  /**
   * Leadership won: build the feed from the store (seeding it first if empty) and start it.
   * Rejects when that fails, so the caller can stop the node loudly: a node that listens
   * without the feed it was asked for is worse than one that exits.
   */
  lead(): Promise<void> {
    const step = this.transition.then(async () => {
      if (this.current) return;
      this.current = await this.create();
      this.current.start();
    });
    this.transition = step.catch(() => undefined);
    return step;
  }

  /** Leadership lost (or shutting down): stop the feed, flushing what it produced. */
  follow(): Promise<void> {
    return this.serially(async () => {
      const feed = this.current;
      this.current = null;
      await feed?.stop();
    });
  }

  get isRunning(): boolean {
    return this.current !== null;
  }

  start(): void {}

  stop(): Promise<void> {
    return this.follow();
  }

  clock(): MarketClock | null {
    return this.current?.clock() ?? null;
  }

  private serially(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step).catch((error: unknown) => {
      this.log.error({ err: error }, "feed could not change state");
    });
    return this.transition;
  }
}
