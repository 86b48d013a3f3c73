import { describe, expect, it } from "vitest";
import { intervalForReaction, reactionStart } from "./chart-focus";

const clock = (iso: string) => ({ t: Date.parse(iso), session: "open" as const, feed: "simulate", speed: 1 });
const seedT0 = Date.parse("2025-10-22T13:07:00+09:00");

describe("chart focus", () => {
  it("starts a reaction at the publish time, or at the next open out of hours", () => {
    expect(reactionStart({ publishedAt: "2025-10-22T13:07:00+09:00" })).toBe(seedT0);
    expect(reactionStart({ publishedAt: "2025-10-22T20:00:00+09:00" })).toBe(Date.parse("2025-10-23T09:00:00+09:00"));
  });

  it("moves coarse intervals, and 1s for another day, to 1m", () => {
    const now = clock("2025-10-23T10:00:00+09:00");
    expect(intervalForReaction("1d", seedT0, now)).toBe("1m");
    expect(intervalForReaction("1h", seedT0, now)).toBe("1m");
    expect(intervalForReaction("1s", seedT0, now)).toBe("1m");
    expect(intervalForReaction("1s", Date.parse("2025-10-23T09:30:00+09:00"), now)).toBe("1s");
    expect(intervalForReaction("5m", seedT0, now)).toBe("5m");
    expect(intervalForReaction("1m", seedT0, null)).toBe("1m");
  });
});
