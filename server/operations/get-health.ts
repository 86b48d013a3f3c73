import { AppError } from "../../contract/errors";
import type { Health } from "../../contract/model";
import type { AppContext } from "./context";

/** Which store and feed this node runs; 503 while the feed cannot store (reads still work). */
export function getHealth(ctx: AppContext): Health {
  const status = ctx.feedStatus();
  if (status.state === "paused") throw new AppError("unavailable", `feed paused: ${status.reason}`);
  return { ok: true, db: ctx.store.kind, feed: ctx.feed.name, node: ctx.node, leader: ctx.feed.isRunning };
}
