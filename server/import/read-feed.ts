import { parseFeed } from "@rowanmanning/feed-parser";
import { htmlToLine, htmlToText } from "./html-text";
import { ImportError } from "./import-errors";

/** One entry of an RSS 2.0 or Atom feed, as plain text. */
export interface FeedEntry {
  /** The feed's own id for the entry (RSS guid, Atom id), when it gives one. */
  guid: string | null;
  headline: string;
  body: string;
  /** ISO 8601, or null when the entry has no date that parses. */
  publishedAt: string | null;
  /** The entry's link when it is http(s), else null. */
  url: string | null;
}

/** A feed's format, its title (the news source) and its entries. */
export interface Feed {
  format: "rss" | "atom";
  title: string;
  entries: FeedEntry[];
}

function httpUrl(text: string | null): string | null {
  const value = text?.trim() ?? "";
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === "http:" || url.protocol === "https:" ? value : null;
}

/** Reads an RSS 2.0 or Atom document (@rowanmanning/feed-parser); anything else is fatal. */
export function readFeed(xml: string): Feed {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new ImportError(`not an RSS 2.0 or Atom feed: ${(error as Error).message}`);
  }
  const format = feed.meta.type === "atom" ? "atom" : "rss";
  return {
    format,
    title: htmlToLine(feed.title ?? ""),
    entries: feed.items.map((item) => {
      const date = item.published ?? item.updated;
      return {
        guid: item.id?.trim() || null,
        headline: htmlToLine(item.title ?? ""),
        // The fullest text the feed offers: the article's content, else its teaser.
        body: htmlToText(item.content ?? item.description ?? ""),
        publishedAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
        url: httpUrl(item.url),
      };
    }),
  };
}
