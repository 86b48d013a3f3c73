import type { Logger } from "pino";
import type { NewsItem } from "../../contract/model";
import { MAX_NEWS_BYTES } from "../../contract/schemas";
import { readFeed } from "../import/read-feed";
import type { Signal } from "../lib/signal";
import type { NewsStore } from "../store/store";
import { feedEntryId } from "./feed-key";

const MAX_BACKOFF_MS = 60 * 60_000;
const FETCH_TIMEOUT_MS = 15_000;
const MAX_FEED_BYTES = 4 * 1024 * 1024;

export interface FeedPollerOptions {
  urls: readonly string[];
  intervalMs: number;
  store: NewsStore;
  tag: (...texts: string[]) => string[];
  news: Signal<NewsItem>;
  log: Logger;
  now?: () => number;
}

/** What one poll of one feed did. */
export interface PollResult {
  status: "new" | "not-modified" | "failed";
  added: number;
  duplicates: number;
}

interface FeedState {
  etag: string | null;
  lastModified: string | null;
  failures: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Polls RSS 2.0 / Atom feeds (NEWS_FEEDS): conditional requests (ETag, Last-Modified),
 * exponential back-off after errors (up to an hour), each new entry tagged, stored once
 * (its id comes from guid, link, or headline and time) and pushed like POSTed news.
 */
export class FeedPoller {
  private readonly feeds = new Map<string, FeedState>();
  private running = false;

  constructor(private readonly options: FeedPollerOptions) {
    for (const url of options.urls) this.feeds.set(url, { etag: null, lastModified: null, failures: 0, timer: null });
  }

  /** Polls every feed now, then on its own schedule. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const url of this.feeds.keys()) this.schedule(url, 0);
  }

  stop(): void {
    this.running = false;
    for (const state of this.feeds.values()) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
    }
  }

  /** The delay before the next poll of a feed: the interval, doubled per failure in a row. */
  delayOf(url: string): number {
    const failures = this.feeds.get(url)?.failures ?? 0;
    return Math.min(this.options.intervalMs * 2 ** failures, Math.max(MAX_BACKOFF_MS, this.options.intervalMs));
  }

  private schedule(url: string, delay: number): void {
    const state = this.feeds.get(url)!;
    state.timer = setTimeout(() => {
      void this.poll(url).then(() => {
        if (this.running) this.schedule(url, this.delayOf(url));
      });
    }, delay);
    state.timer.unref();
  }

  /** One conditional poll of one feed; never throws. */
  async poll(url: string): Promise<PollResult> {
    const state = this.feeds.get(url);
    if (!state) throw new Error(`not a polled feed: ${url}`);
    const { log } = this.options;
    try {
      const headers: Record<string, string> = {
        accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
      };
      if (state.etag) headers["if-none-match"] = state.etag;
      if (state.lastModified) headers["if-modified-since"] = state.lastModified;
      const res = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (res.status === 304) {
        state.failures = 0;
        return { status: "not-modified", added: 0, duplicates: 0 };
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      if (text.length > MAX_FEED_BYTES) throw new Error(`feed larger than ${MAX_FEED_BYTES} bytes`);
      const counts = await this.store(readFeed(text), url);
      state.etag = res.headers.get("etag");
      state.lastModified = res.headers.get("last-modified");
      state.failures = 0;
      if (counts.added > 0) log.info({ feed: url, ...counts }, "news feed polled");
      return { status: "new", ...counts };
    } catch (error) {
      state.failures += 1;
      log.warn(
        { feed: url, failures: state.failures, retryInMs: this.delayOf(url), err: (error as Error).message },
        "news feed poll failed",
      );
      return { status: "failed", added: 0, duplicates: 0 };
    }
  }

  private async store(feed: ReturnType<typeof readFeed>, url: string): Promise<{ added: number; duplicates: number }> {
    const source = (feed.title || new URL(url).hostname).slice(0, 200);
    let added = 0;
    let duplicates = 0;
    // Oldest first, so viewers receive a feed's backlog in the order it happened.
    const entries = feed.entries
      .filter((e): e is typeof e & { publishedAt: string } => e.publishedAt !== null && e.headline !== "")
      .sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
    for (const entry of entries) {
      const body =
        entry.body.length > MAX_NEWS_BYTES / 2 ? `${entry.body.slice(0, MAX_NEWS_BYTES / 2 - 1)}…` : entry.body;
      const headline = entry.headline.slice(0, 500);
      const item: NewsItem = {
        id: feedEntryId(entry),
        publishedAt: entry.publishedAt,
        headline,
        body,
        source,
        url: entry.url,
        tickers: this.options.tag(headline, body),
      };
      if (await this.options.store.insert(item)) {
        added += 1;
        this.options.news.emit(item);
      } else duplicates += 1;
    }
    return { added, duplicates };
  }
}
