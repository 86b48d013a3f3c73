import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Reaction } from "../../contract/model";
import { ReactionCache } from "./reaction-cache";

// Only the field the cache reads (is every window filled in?) matters here.
const reaction = (nextClose: number | null) => ({ newsId: "n", returns: { nextClose } }) as unknown as Reaction;
const live = [reaction(0.01), reaction(null)];
const final = [reaction(0.01), reaction(-0.02)];

describe("ReactionCache", () => {
  let now = 0;
  beforeEach(() => {
    now = 10_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());

  it("misses what was never set", () => {
    expect(new ReactionCache().get("n", 5)).toBeNull();
  });

  it("keeps a final reaction whatever the data reach and however long ago", () => {
    const cache = new ReactionCache();
    cache.set("n", 100, final);
    now += 3_600_000;
    expect(cache.get("n", 999)).toBe(final);
  });

  it("reuses a live reaction for the same reach, or for a second at a newer reach, then recomputes", () => {
    const cache = new ReactionCache();
    cache.set("n", 100, live);
    now += 5_000;
    expect(cache.get("n", 100)).toBe(live); // the data has not moved on
    const fresh = new ReactionCache();
    fresh.set("n", 100, live);
    now += 999;
    expect(fresh.get("n", 200)).toBe(live); // moved on, but within the second
    now += 1;
    expect(fresh.get("n", 200)).toBeNull(); // a second old at a newer reach: stale
  });

  it("clear() invalidates every entry, final ones too (a new headline may confound them)", () => {
    const cache = new ReactionCache();
    cache.set("a", 100, final);
    cache.set("b", 100, live);
    cache.clear();
    expect(cache.get("a", 100)).toBeNull();
    expect(cache.get("b", 100)).toBeNull();
  });

  it("holds at most 2,000 headlines, dropping the oldest first", () => {
    const cache = new ReactionCache();
    for (let i = 0; i <= 2_000; i++) cache.set(`n${i}`, 1, final);
    expect(cache.get("n0", 1)).toBeNull();
    expect(cache.get("n1", 1)).toBe(final);
    expect(cache.get("n2000", 1)).toBe(final);
  });
});
