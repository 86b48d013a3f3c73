import type WebSocket from "ws";

/** A ws message as text, whichever of its three buffer shapes it arrived in. */
export function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data as ArrayBuffer).toString("utf8");
}
