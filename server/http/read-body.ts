import type { IncomingMessage } from "node:http";
import { AppError } from "../../contract/errors";

/** Reads a JSON body of at most `limit` bytes; 413 past it, 400 when it is not JSON. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new AppError("payload_too_large", `body over ${limit} bytes`);
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("bad_request", "expected content-type application/json");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new AppError("payload_too_large", `body over ${limit} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new AppError("bad_request", "body is not valid JSON");
  }
}
