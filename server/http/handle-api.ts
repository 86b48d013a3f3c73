import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../contract/errors";
import type { AppContext } from "../operations/context";
import { apiRoutes, isRouteKey } from "./api-routes";
import { queryObject } from "./parse";
import { errorAnswer, send } from "./respond";
import { requireWriteAccess } from "./write-access";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Answers one `/api/*` request; every failure becomes the contract's error shape. */
export async function handleApi(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    const key = `${req.method} ${url.pathname}`;
    if (!isRouteKey(key)) {
      const known = Object.keys(apiRoutes).some((key) => key.endsWith(` ${url.pathname}`));
      throw known
        ? new AppError("method_not_allowed", `${req.method} is not allowed on ${url.pathname}`)
        : new AppError("not_found", `no API route ${url.pathname}`);
    }
    if (!READS.has(req.method ?? "GET")) requireWriteAccess(ctx.writeAccess, req);
    send(res, await apiRoutes[key]({ ctx, query: queryObject(url.searchParams), req }));
  } catch (error) {
    if (!(error instanceof AppError)) ctx.log.error({ err: error, url: url.pathname }, "API request failed");
    if (error instanceof AppError && error.code === "unauthorized" && !res.headersSent)
      res.setHeader("www-authenticate", "Bearer");
    if (!res.headersSent) send(res, errorAnswer(error));
    else res.destroy();
  }
}
