import type { MarketClock } from "../../contract/model";

/** A source of ticks (simulator, scenario, replay); at most one runs per cluster. */
export interface Feed {
  readonly name: string;
  start(): void;
  stop(): Promise<void>;
  /** Where the feed's market clock stands now. */
  clock(): MarketClock;
}

/** The feed for FEED=off: no ticks, a clock that reads the wall. */
export function idleFeed(): Feed {
  return {
    name: "off",
    start() {},
    async stop() {},
    clock: () => ({ t: Date.now(), session: "closed", feed: "off", speed: 0 }),
  };
}
