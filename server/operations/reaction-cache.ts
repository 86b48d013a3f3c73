import type { Reaction } from "../../contract/model";

const MAX_ENTRIES = 2_000;
// A live reaction changes as ticks arrive; viewers poll, so a second of staleness is fine.
const LIVE_MS = 1_000;

interface Entry {
  reach: number | null;
  computedAt: number;
  reactions: Reaction[];
}

/**
 * Reactions already computed. One whose every window is filled in is final and kept; a
 * live one is reused for a second. Any new headline clears the cache (it may confound).
 */
export class ReactionCache {
  private readonly entries = new Map<string, Entry>();

  get(newsId: string, reach: number | null): Reaction[] | null {
    const entry = this.entries.get(newsId);
    if (!entry) return null;
    const final = entry.reactions.every((r) => r.returns.nextClose !== null);
    if (final || entry.reach === reach || performance.now() - entry.computedAt < LIVE_MS) return entry.reactions;
    return null;
  }

  set(newsId: string, reach: number | null, reactions: Reaction[]): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(newsId, { reach, computedAt: performance.now(), reactions });
  }

  clear(): void {
    this.entries.clear();
  }
}
