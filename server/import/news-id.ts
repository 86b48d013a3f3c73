import { createHash } from "node:crypto";

/**
 * A stable id for an imported headline, so importing the same feed twice stores it once:
 * SHA-256 of its source, url, headline and publish time, cut to 128 bits (hex).
 */
export function newsIdOf(item: { source: string; url: string | null; headline: string; publishedAt: string }): string {
  // A JSON array keeps the fields apart: "a|b" + "c" and "a" + "b|c" hash differently.
  const key = JSON.stringify([item.source, item.url ?? "", item.headline, item.publishedAt]);
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}
