import { type WebSocket, WebSocketServer } from "ws";
import type { Tick } from "../../contract/model";
import { serveBench } from "../child-process";
import { type LoadPlan, offerLoad } from "./offered-load";
import { rawText } from "./raw-text";

// The baseline fan-out: a bare `ws` server, a set of sockets per symbol, one JSON message
// per tick to every socket subscribed to its symbol. No store, no batching.
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
const rooms = new Map<string, Set<WebSocket>>();

wss.on("connection", (socket) => {
  socket.on("message", (data) => {
    const { symbols } = JSON.parse(rawText(data)) as { symbols: string[] };
    for (const symbol of symbols) {
      const room = rooms.get(symbol) ?? new Set();
      rooms.set(symbol, room.add(socket));
    }
    socket.send(JSON.stringify({ ok: true }));
  });
  socket.on("close", () => {
    for (const room of rooms.values()) room.delete(socket);
  });
});

const send = (ticks: Tick[]) => {
  for (const tick of ticks) {
    const message = JSON.stringify(tick);
    for (const socket of rooms.get(tick.symbol) ?? []) socket.send(message);
  }
};

const { port } = wss.address() as { port: number };
serveBench(
  { url: `ws://127.0.0.1:${port}` },
  {
    async publish(plan: LoadPlan) {
      const seqs = new Map<string, number>();
      const tick = (symbol: string, ts: number): Tick => {
        const seq = (seqs.get(symbol) ?? 0) + 1;
        seqs.set(symbol, seq);
        return { symbol, ts, price: 1_000, size: 1, seq };
      };
      return offerLoad(plan, tick, send);
    },
  },
  async () => {
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  },
);
