import { type ManagerOptions, type Socket, type SocketOptions, io } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../contract/events";
import { withTimeout } from "./wait-for";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_MS = 10_000;

/** A real Socket.IO client connected to `url`; rejects with the connect error if refused. */
export async function connectClient(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  const connected = new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  try {
    await withTimeout(`a socket connection to ${url}`, connected);
  } catch (error) {
    socket.close();
    throw error;
  }
  return socket;
}

/** What the server acks for `event`, as the contract types it. */
export type AckAnswer<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Emits `event` with `payload` (any value: bad payloads are the point of some tests) and waits for the ack. */
export function request<E extends keyof ClientToServerEvents>(
  socket: TestSocket,
  event: E,
  payload: unknown,
): Promise<AckAnswer<E>> {
  // socket.io's typed emitWithAck cannot be called generically over a union of events.
  const timed = socket.timeout(ACK_MS) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  return timed.emitWithAck(event, payload) as Promise<AckAnswer<E>>;
}
