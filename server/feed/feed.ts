import type { MarketClock } from "../../contract/model";

/** A source of ticks (simulator, scenario); at most one runs per cluster. */
export interface Feed {
  readonly name: string;
  start(): void;
  stop(): Promise<void>;
  /** Where the feed's market clock stands now; null when no feed runs on this node. */
  clock(): MarketClock | null;
}

/** The feed for FEED=off: no ticks and no market clock. */
export function idleFeed(): Feed {
  return {
    name: "off",
    start() {},
    async stop() {},
    clock: () => null,
  };
}
