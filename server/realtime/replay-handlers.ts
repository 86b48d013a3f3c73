import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io";
import { AppError } from "../../contract/errors";
import type { ClientToServerEvents, ServerToClientEvents } from "../../contract/events";
import { parseWith } from "../../contract/parse";
import { replayControlPayload, replayResumePayload, replayStartPayload, replayStopPayload } from "../../contract/schemas";
import type { AppContext } from "../operations/context";
import { requireInstrument } from "../operations/require-instrument";
import type { ReplayRegistry } from "../replay/replay-registry";
import { ReplaySession, type ReplaySink } from "../replay/replay-session";
import { answer } from "./answer";
import { assertNever } from "../../domain/invariant";

type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const MAX_REPLAYS_PER_SOCKET = 2;
// engine.io packets queued for the socket before "as fast as possible" waits for a drain.
const MAX_QUEUED_PACKETS = 8;

/**
 * The `replay:*` events. A replay belongs to one connection; when it drops, the replay
 * waits in `registry` for the viewer to come back (recovered by Socket.IO, or `replay:resume`).
 */
export function bindReplayHandlers(socket: IoSocket, ctx: AppContext, registry: ReplayRegistry): void {
  const find = (id: string) => {
    const replay = registry.claimable(id, socket.id);
    if (!replay || !registry.held(socket.id).includes(replay)) throw new AppError("not_found", `no replay ${id} on this connection`);
    return replay;
  };
  // Socket.IO recovered this connection (same id): it redelivers what was missed, and the
  // replays it held go on from where they stood.
  if (socket.recovered) {
    for (const replay of registry.orphansOf(socket.id)) {
      registry.attach(replay.id, socket.id);
      void replay.attach(socketSink(socket, replay.id));
    }
  }

  socket.on("replay:start", (payload, ack) =>
    answer(ack, async () => {
      const p = parseWith(replayStartPayload, payload);
      const symbols = [...new Set(p.symbols)];
      for (const symbol of symbols) requireInstrument(ctx, symbol);
      if (registry.held(socket.id).length >= MAX_REPLAYS_PER_SOCKET) {
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
      registry.add(replay, socket.id);
      await replay.prepare();
      return { replayId: id };
    }, ({ replayId }) => void registry.claimable(replayId, socket.id)?.play()),
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
        default:
          return assertNever(p, "replay control");
      }
    }),
  );

  socket.on("replay:stop", (payload, ack) =>
    answer(ack, async () => {
      const { replayId } = parseWith(replayStopPayload, payload);
      find(replayId);
      registry.remove(replayId);
      return {};
    }),
  );

  socket.on("replay:resume", (payload, ack) =>
    answer(ack, async () => {
      const position = parseWith(replayResumePayload, payload);
      const replay = registry.claimable(position.replayId, socket.id);
      if (!replay) throw new AppError("not_found", `no replay ${position.replayId} to resume (ended, or held by a live connection)`);
      if (!registry.held(socket.id).includes(replay) && registry.held(socket.id).length >= MAX_REPLAYS_PER_SOCKET) {
        throw new AppError("bad_request", `at most ${MAX_REPLAYS_PER_SOCKET} replays per connection; stop one first`);
      }
      registry.attach(replay.id, socket.id);
      return { clock: await replay.resume(socketSink(socket, replay.id), position) };
    }),
  );

  socket.on("disconnect", () => registry.detachAll(socket.id));
}

function socketSink(socket: IoSocket, replayId: string): ReplaySink {
  return {
    ticks: (ticks, epoch) => socket.emit("replay:ticks", { replayId, ticks, epoch }),
    news: (news, t, epoch) => socket.emit("replay:news", { replayId, news, t, epoch }),
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
