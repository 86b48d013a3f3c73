import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { AppError } from "../../contract/errors";
import type { WriteAccess } from "../operations/context";
import { isLoopback } from "./host-allowlist";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** The write policy for a node listening on `host`, with or without API_TOKEN. */
export function writeAccess(host: string, token: string | undefined): WriteAccess {
  if (token !== undefined) return { kind: "token", digest: digest(token) };
  if (isLoopback(host)) return { kind: "open" };
  return {
    kind: "refused",
    reason: `writes are refused: HOST=${host} is reachable from other machines and API_TOKEN is not set`,
  };
}

/** Throws 401/403 unless `req` may write. The one check every write route goes through. */
export function requireWriteAccess(access: WriteAccess, req: IncomingMessage): void {
  if (access.kind === "open") return;
  if (access.kind === "refused") throw new AppError("forbidden", access.reason);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  // Both sides hashed to 32 bytes first: timingSafeEqual needs equal lengths, and the
  // comparison then says nothing about the token's length either.
  if (!match || !timingSafeEqual(digest(match[1]!), access.digest)) {
    throw new AppError("unauthorized", "writes need Authorization: Bearer <API_TOKEN>");
  }
}
