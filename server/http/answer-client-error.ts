import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { AppError } from "../../contract/errors";

/**
 * Answers a request Node's HTTP parser refused before any handler saw it: a request line
 * and headers over its 16 KiB limit (a huge query string), or bytes that are not HTTP.
 * Node's own answer is a bare status line; this one is the contract's error body, with
 * the security headers every answer carries.
 */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
  headers: Record<string, string>,
): void {
  // The peer hung up, or the socket is already answered: there is nobody to tell.
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
  const reason = timedOut
    ? "the request did not arrive in time"
    : error.code === "HPE_HEADER_OVERFLOW"
      ? "request line and headers over 16 KiB"
      : "malformed HTTP request";
  const appError = new AppError("bad_request", reason);
  // A slow request keeps HTTP's own status; everything else is a bad request.
  const status = timedOut ? 408 : appError.status;
  endWithJson(socket, status, JSON.stringify({ error: appError.toBody() }), headers);
}

/** Writes a whole HTTP answer with a JSON body straight onto a raw socket and closes it
 *  (for requests no handler may see: unparsable ones, refused upgrades). */
export function endWithJson(socket: Duplex, status: number, body: string, headers: Record<string, string>): void {
  const lines = Object.entries({
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    connection: "close",
  }).map(([name, value]) => `${name}: ${value}`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join("\r\n")}\r\n\r\n${body}`);
}
