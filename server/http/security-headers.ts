import type { ServerResponse } from "node:http";

/** Headers every answer carries: no sniffing, no framing, no referrer leaks. */
export function securityHeaders(res: ServerResponse): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("referrer-policy", "same-origin");
}
