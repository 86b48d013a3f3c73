import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { MarketClock } from "../../contract/model";
import type { Feed } from "../feed/feed";
import { LeaderFeed } from "./leader-feed";

const silent = pino({ level: "silent" });

/** A feed that records what was done to it. */
function fakeFeed(id: number, events: string[], stopError?: Error): Feed {
  return {
    name: "fake",
    start: () => events.push(`start ${id}`),
    async stop() {
      events.push(`stop ${id}`);
      if (stopError) throw stopError;
    },
    clock: () => ({ t: id }) as unknown as MarketClock,
  };
}

/** A LeaderFeed whose `create` builds numbered fake feeds, or fails while `failWith` is set. */
function leaderFeed(options: { stopError?: Error } = {}) {
  const events: string[] = [];
  let built = 0;
  const control = { failWith: null as Error | null };
  const feed = new LeaderFeed(
    "fake",
    async () => {
      if (control.failWith) throw control.failWith;
      built++;
      events.push(`create ${built}`);
      return fakeFeed(built, events, options.stopError);
    },
    silent,
  );
  return { feed, events, control };
}

describe("LeaderFeed", () => {
  it("runs no feed and has no clock until it leads", () => {
    const { feed, events } = leaderFeed();
    feed.start();
    expect(feed.isRunning).toBe(false);
    expect(feed.clock()).toBeNull();
    expect(events).toEqual([]);
  });

  it("builds and starts the feed on leading, once however often it is told", async () => {
    const { feed, events } = leaderFeed();
    await Promise.all([feed.lead(), feed.lead()]);
    expect(events).toEqual(["create 1", "start 1"]);
    expect(feed.isRunning).toBe(true);
    expect(feed.clock()).toEqual({ t: 1 });
  });

  it("stops the feed on losing the lead and builds a new one (from the store) on leading again", async () => {
    const { feed, events } = leaderFeed();
    await feed.lead();
    await feed.follow();
    expect(feed.isRunning).toBe(false);
    expect(feed.clock()).toBeNull();
    await feed.lead();
    expect(events).toEqual(["create 1", "start 1", "stop 1", "create 2", "start 2"]);
  });

  it("applies lead and follow in the order they were asked, even when not awaited between", async () => {
    const { feed, events } = leaderFeed();
    const steps = [feed.lead(), feed.follow(), feed.lead(), feed.stop()];
    await Promise.all(steps);
    expect(events).toEqual(["create 1", "start 1", "stop 1", "create 2", "start 2", "stop 2"]);
    expect(feed.isRunning).toBe(false);
  });

  it("fails loud: lead() rejects when the feed cannot be built, and a later lead still works", async () => {
    const { feed, events, control } = leaderFeed();
    control.failWith = new Error("seeding failed: disk full");
    await expect(feed.lead()).rejects.toThrow("seeding failed: disk full");
    expect(feed.isRunning).toBe(false);
    control.failWith = null;
    await feed.lead();
    expect(events).toEqual(["create 1", "start 1"]);
  });

  it("a feed that fails to stop is logged, not thrown, and counts as stopped", async () => {
    const { feed, events } = leaderFeed({ stopError: new Error("flush failed") });
    await feed.lead();
    await expect(feed.follow()).resolves.toBeUndefined();
    expect(feed.isRunning).toBe(false);
    expect(events).toEqual(["create 1", "start 1", "stop 1"]);
  });
});
