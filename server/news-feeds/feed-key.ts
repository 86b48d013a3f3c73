import { createHash } from "node:crypto";
import type { FeedEntry } from "../import/read-feed";

/**
 * The id a polled entry is stored under, so the same entry is stored once across polls,
 * feeds and restarts (the news id is the store's primary key): from its guid, else its
 * link, else its headline and publish time.
 */
export function feedEntryId(entry: FeedEntry & { publishedAt: string }): string {
  const key = entry.guid
    ? ["guid", entry.guid]
    : entry.url
      ? ["link", entry.url]
      : ["text", entry.headline, entry.publishedAt];
  return `feed-${createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 32)}`;
}
