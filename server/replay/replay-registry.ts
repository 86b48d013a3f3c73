import type { ReplaySession } from "./replay-session";

interface Entry {
  session: ReplaySession;
  /** The Socket.IO id of the connection that holds it (kept while detached, for recovery). */
  owner: string;
  attached: boolean;
  expiry: NodeJS.Timeout | null;
}

/**
 * Every replay of this node by id. A replay outlives a dropped connection for `graceMs`
 * (Socket.IO's recovery window): the viewer's next connection takes it over, either by
 * Socket.IO's own recovery (same socket id) or by `replay:resume` with its id. After that
 * it is stopped and forgotten.
 */
export class ReplayRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly graceMs: number) {}

  add(session: ReplaySession, owner: string): void {
    this.entries.set(session.id, { session, owner, attached: true, expiry: null });
  }

  /** The replay `id` if `owner` holds it, or if it is detached and so free to be taken over. */
  claimable(id: string, owner: string): ReplaySession | undefined {
    const entry = this.entries.get(id);
    if (!entry || (entry.attached && entry.owner !== owner)) return undefined;
    return entry.session;
  }

  /** The replays `owner` holds on its live connection. */
  held(owner: string): ReplaySession[] {
    return [...this.entries.values()].filter((e) => e.attached && e.owner === owner).map((e) => e.session);
  }

  /** The detached replays last held by `owner`, a socket id that Socket.IO just recovered. */
  orphansOf(owner: string): ReplaySession[] {
    return [...this.entries.values()].filter((e) => !e.attached && e.owner === owner).map((e) => e.session);
  }

  /** `owner` holds `id` now (a recovered or a resumed connection). */
  attach(id: string, owner: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.expiry) clearTimeout(entry.expiry);
    Object.assign(entry, { owner, attached: true, expiry: null });
  }

  /** The connection of `owner` dropped: its replays wait `graceMs` for it to come back. */
  detachAll(owner: string): void {
    for (const entry of this.entries.values()) {
      if (!entry.attached || entry.owner !== owner) continue;
      entry.attached = false;
      entry.session.detach();
      entry.expiry = setTimeout(() => this.remove(entry.session.id), this.graceMs);
      entry.expiry.unref();
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.expiry) clearTimeout(entry.expiry);
    entry.session.stop();
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  close(): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
  }
}
