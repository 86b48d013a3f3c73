import type { ServerResponse } from "node:http";
import { toErrorBody, AppError } from "../../contract/errors";

/** An HTTP answer before it is written; `B` the body's type (contract/api.ts's answer for a route). */
export interface Answer<B = unknown> {
  status: number;
  body: B;
  /** Plain text (e.g. CSV) instead of JSON. */
  contentType?: string;
}

export const ok = <B>(body: B, status = 200): Answer<B> => ({ status, body });

/** A text answer (CSV) of its content type. */
export const text = (body: string, contentType: string): Answer<string> => ({ status: 200, body, contentType });

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
