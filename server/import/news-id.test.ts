import { describe, expect, it } from "vitest";
import { newsIdOf } from "./news-id";

describe("newsIdOf", () => {
  it("is stable and depends on every field", () => {
    const item = { source: "s", url: null, headline: "h", publishedAt: "2025-10-22T04:07:00.000Z" };
    expect(newsIdOf(item)).toBe(newsIdOf({ ...item }));
    expect(newsIdOf(item)).toMatch(/^[0-9a-f]{32}$/);
    expect(newsIdOf({ ...item, url: "https://x" })).not.toBe(newsIdOf(item));
    expect(newsIdOf({ ...item, source: "s|h", headline: "" })).not.toBe(
      newsIdOf({ ...item, source: "s", headline: "h|" }),
    );
  });
});
