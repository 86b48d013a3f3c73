import { type Socket, io } from "socket.io-client";
import WebSocket from "ws";
import type { ServerToClientEvents } from "../../contract/events";
import type { Tick } from "../../contract/model";
import { serveBench } from "../child-process";
import { CpuMeter } from "../cpu-meter";
import { LatencyHistogram } from "../latency-histogram";
import { rawText } from "./raw-text";

// Many viewers in one process: socket.io clients on the websocket transport, or bare `ws`
// clients of the baseline server. Each counts the ticks it receives and their latency
// (receipt − tick.ts; the server stamps ts when it publishes).
const CONNECT_CONCURRENCY = 50;
const CONNECT_MS = 15_000;
// Viewers come from many addresses, and the server limits events per address: the clients
// spread over loopback addresses (all of 127/8 is local on Linux), a few per address.
const CLIENTS_PER_ADDRESS = 5;
const localAddress = (i: number) =>
  `127.0.${1 + Math.floor(i / CLIENTS_PER_ADDRESS / 250)}.${1 + (Math.floor(i / CLIENTS_PER_ADDRESS) % 250)}`;

interface Connect {
  kind: "socket.io" | "ws";
  url: string;
  count: number;
  symbols: string[];
  /** Index of the first client, for its local address (so two processes use different ones). */
  firstAddress?: number;
  /** Stop reading once subscribed (the TCP socket paused): a stalled viewer. */
  stall?: boolean;
}

/** What the clients of this process saw in one window. */
export interface ClientReport {
  /** Ticks received per second, summed over the clients. */
  delivered: number;
  p50: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
  /** This process's CPU, % of one core. */
  cpu: number | null;
  disconnects: number;
}

let window = { from: Infinity, to: -Infinity };
let histogram = new LatencyHistogram();
let disconnects = 0;
const closers: Array<() => void> = [];

function receive(ticks: readonly Tick[]): void {
  const now = Date.now();
  if (now < window.from || now >= window.to) return;
  for (const tick of ticks) histogram.add(now - tick.ts);
}

function connectSocketIo(url: string, symbols: string[], from: string, stall = false): Promise<void> {
  const socket: Socket<ServerToClientEvents> = io(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    localAddress: from,
  } as Parameters<typeof io>[1]);
  closers.push(() => socket.close());
  socket.on("ticks", receive);
  socket.on("disconnect", () => disconnects++);
  return new Promise((resolve, reject) => {
    socket.once("connect_error", reject);
    socket.once("connect", () => {
      const subscribe = socket.timeout(CONNECT_MS) as unknown as {
        emitWithAck(e: string, p: unknown): Promise<{ ok: boolean }>;
      };
      subscribe.emitWithAck("subscribe", { symbols }).then((answer) => {
        if (!answer.ok) return reject(new Error(`subscribe refused: ${JSON.stringify(answer)}`));
        if (stall)
          (
            socket.io.engine as unknown as { transport: { ws: { _socket: { pause(): void } } } }
          ).transport.ws._socket.pause();
        resolve();
      }, reject);
    });
  });
}

function connectWs(url: string, symbols: string[], from: string): Promise<void> {
  const socket = new WebSocket(url, { perMessageDeflate: false, localAddress: from });
  closers.push(() => socket.terminate());
  socket.on("close", () => disconnects++);
  return new Promise((resolve, reject) => {
    // Before the answer to subscribe an error fails the connect; after it, the close counts.
    socket.on("error", reject);
    socket.once("open", () => socket.send(JSON.stringify({ symbols })));
    socket.once("message", () => {
      resolve();
      socket.on("message", (data) => receive([JSON.parse(rawText(data)) as Tick]));
    });
  });
}

serveBench(
  {},
  {
    async connect({ kind, url, count, symbols, firstAddress = 0, stall = false }: Connect) {
      const started = performance.now();
      const one = kind === "ws" ? connectWs : (u: string, s: string[], f: string) => connectSocketIo(u, s, f, stall);
      for (let i = 0; i < count; i += CONNECT_CONCURRENCY) {
        const wave = Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - i) }, (_, j) =>
          one(url, symbols, localAddress(firstAddress + i + j)),
        );
        await Promise.all(wave);
      }
      return { connected: count, ms: performance.now() - started };
    },
    /** Counts what arrives in [from, to) and this process's CPU meanwhile; answers after `to`. */
    async measure({ from, to }: { from: number; to: number }): Promise<ClientReport> {
      histogram = new LatencyHistogram();
      window = { from, to };
      const before = disconnects;
      const cpu = new CpuMeter();
      await sleep(from - Date.now());
      cpu.start();
      await sleep(to - Date.now());
      cpu.stop();
      return {
        delivered: (histogram.count * 1000) / (to - from),
        p50: histogram.quantile(0.5),
        p99: histogram.quantile(0.99),
        p999: histogram.quantile(0.999),
        max: histogram.quantile(1),
        cpu: cpu.percent,
        disconnects: disconnects - before,
      };
    },
  },
  async () => {
    for (const close of closers) close();
  },
);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
