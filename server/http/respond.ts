import type { ServerResponse } from "node:http";
import { toErrorBody, AppError } from "../../contract/errors";

/** An HTTP answer before it is written. */
export interface Answer {
  status: number;
  body: unknown;
  /** Plain text (e.g. CSV) instead of JSON. */
  contentType?: string;
}

export const ok = (body: unknown, status = 200): Answer => ({ status, body });

/** Writes an answer as JSON (or its own content type). */
export function send(res: ServerResponse, answer: Answer): void {
  const isText = answer.contentType !== undefined;
  const payload = isText ? String(answer.body) : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "content-type": answer.contentType ?? "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
  });
  res.end(payload);
}

/** The answer for anything thrown: its code and status, or a bare 500 for the unexpected. */
export function errorAnswer(error: unknown): Answer {
  const status = error instanceof AppError ? error.status : 500;
  return { status, body: { error: toErrorBody(error) } };
}
