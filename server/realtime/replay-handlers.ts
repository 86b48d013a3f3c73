import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import { AppError } from "../../contract/errors";
import type { ClientToServerEvents, ServerToClientEvents } from "../../contract/events";
import { parseWith } from "../../contract/parse";
import { replayControlPayload, replayStartPayload, replayStopPayload } from "../../contract/schemas";
import type { AppContext } from "../operations/context";
import { requireInstrument } from "../operations/require-instrument";
import { ReplaySession, type ReplaySink } from "../replay/replay-session";
import { answer } from "./answer";

type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const MAX_REPLAYS_PER_SOCKET = 2;
// engine.io packets queued for the socket before "as fast as possible" waits for a drain.
const MAX_QUEUED_PACKETS = 8;

/** The `replay:*` events: each viewer's replays live and die with its connection. */
export function bindReplayHandlers(socket: IoSocket, ctx: AppContext): void {
  const replays = new Map<string, ReplaySession>();
  const find = (id: string) => {
    const replay = replays.get(id);
    if (!replay) throw new AppError("not_found", `no replay ${id} on this connection`);
    return replay;
  };

  socket.on("replay:start", (payload, ack) =>
    answer(ack, async () => {
      const p = parseWith(replayStartPayload, payload);
      const symbols = [...new Set(p.symbols)];
      for (const symbol of symbols) requireInstrument(ctx, symbol);
      if (replays.size >= MAX_REPLAYS_PER_SOCKET) {
        throw new AppError("bad_request", `at most ${MAX_REPLAYS_PER_SOCKET} replays per connection; stop one first`);
      }
      const news = (await ctx.store.news.find({ from: p.from, to: p.to, limit: 500 }))
        .filter((n) => n.tickers.some((s) => symbols.includes(s)))
        .reverse();
      const id = randomUUID();
      const replay = new ReplaySession({
        id,
        store: ctx.store.ticks,
        calendar: ctx.calendar,
        symbols,
        from: p.from,
        to: p.to,
        speed: p.speed,
        slowNearNews: p.slowNearNews,
        news,
        sink: socketSink(socket, id),
      });
      replays.set(id, replay);
      await replay.prepare();
      return { replayId: id };
    }, ({ replayId }) => void replays.get(replayId)?.play()),
  );

  socket.on("replay:control", (payload, ack) =>
    answer(ack, async () => {
      const p = parseWith(replayControlPayload, payload);
      const replay = find(p.replayId);
      switch (p.action) {
        case "play":
          return { clock: await replay.play() };
        case "pause":
          return { clock: await replay.pause() };
        case "step":
          return { clock: await replay.step(p.value) };
        case "seek":
          return { clock: await replay.seek(p.value) };
        case "speed":
          return { clock: await replay.setSpeed(p.value) };
        case "next-news":
          return { clock: await replay.nextNews() };
      }
    }),
  );

  socket.on("replay:stop", (payload, ack) =>
    answer(ack, async () => {
      const { replayId } = parseWith(replayStopPayload, payload);
      find(replayId).stop();
      replays.delete(replayId);
      return {};
    }),
  );

  socket.on("disconnect", () => {
    for (const replay of replays.values()) replay.stop();
    replays.clear();
  });
}

function socketSink(socket: IoSocket, replayId: string): ReplaySink {
  return {
    ticks: (ticks) => socket.emit("replay:ticks", { replayId, ticks }),
    news: (news) => socket.emit("replay:news", { replayId, news }),
    clock: (clock) => socket.emit("replay:clock", clock),
    drained: () =>
      socket.connected && queuedPackets(socket) > MAX_QUEUED_PACKETS
        ? new Promise((resolve) => {
            socket.conn.once("drain", () => resolve());
            socket.once("disconnect", () => resolve());
          })
        : Promise.resolve(),
  };
}

// engine.io keeps unsent packets in a private buffer; it is the only backpressure signal.
function queuedPackets(socket: IoSocket): number {
  return (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
}
