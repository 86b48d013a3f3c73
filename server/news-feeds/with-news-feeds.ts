import type { Feed } from "../feed/feed";
import type { FeedPoller } from "./feed-poller";

/** The tick feed with the news poller beside it: the node that leads runs both, a follower neither. */
export function withNewsFeeds(feed: Feed, poller: FeedPoller | null): Feed {
  if (!poller) return feed;
  return {
    name: feed.name,
    start() {
      feed.start();
      poller.start();
    },
    async stop() {
      poller.stop();
      await feed.stop();
    },
    clock: () => feed.clock(),
  };
}
