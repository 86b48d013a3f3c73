import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { AppError } from "../../contract/errors";
import { endWithJson } from "./answer-client-error";
import { isAllowedHost } from "./host-allowlist";

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Puts the Host check in front of everything the HTTP server answers: the API, the pages,
 * Socket.IO's long-polling and its WebSocket upgrades. Socket.IO and Next install listeners
 * of their own on the server, so this wraps whatever listeners are there when it is called
 * (call it once everything is attached, before `listen`).
 */
export function guardHost(
  http: Server,
  allowed: readonly string[],
  headers: (req: IncomingMessage) => Record<string, string>,
): void {
  const requests = http.listeners("request") as RequestListener[];
  http.removeAllListeners("request");
  http.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req.headers.host, allowed)) return void refuse(req, res, headers(req));
    for (const listener of requests) listener.call(http, req, res);
  });
  const upgrades = http.listeners("upgrade") as UpgradeListener[];
  http.removeAllListeners("upgrade");
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isAllowedHost(req.headers.host, allowed)) return void refuseUpgrade(req, socket, headers(req));
    for (const listener of upgrades) listener.call(http, req, socket, head);
  });
}

function refusal(req: IncomingMessage): { status: number; body: string } {
  const error = new AppError(
    "host_not_allowed",
    `Host ${JSON.stringify(req.headers.host ?? "")} is not one this server answers (ALLOWED_HOSTS)`,
  );
  return { status: error.status, body: JSON.stringify({ error: error.toBody() }) };
}

function refuse(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
  const { status, body } = refusal(req);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  res.end(body);
}

function refuseUpgrade(req: IncomingMessage, socket: Duplex, headers: Record<string, string>): void {
  if (!socket.writable) return void socket.destroy();
  const { status, body } = refusal(req);
  endWithJson(socket, status, body, headers);
}
