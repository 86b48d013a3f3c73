import type { Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../../contract/events";
import { parseWith } from "../../contract/parse";
import {
  replayControlPayload,
  replayResumePayload,
  replayStartPayload,
  replayStopPayload,
} from "../../contract/schemas";
import type { AppContext } from "../operations/context";
import {
  type ReplayOwner,
  controlReplay,
  playStarted,
  resumeReplay,
  startReplay,
  stopReplay,
} from "../operations/replays";
import type { ReplayRegistry } from "../replay/replay-registry";
import type { ReplaySink } from "../replay/replay-session";
import { answer } from "./answer";

type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

// engine.io packets queued for the socket before "as fast as possible" waits for a drain.
const MAX_QUEUED_PACKETS = 8;

/**
 * The `replay:*` events. A replay belongs to one connection; when it drops, the replay
 * waits in `registry` for the viewer to come back (recovered by Socket.IO, or `replay:resume`).
 */
export function bindReplayHandlers(socket: IoSocket, ctx: AppContext, registry: ReplayRegistry): void {
  const owner: ReplayOwner = { registry, id: socket.id, sink: (replayId) => socketSink(socket, replayId) };
  // Socket.IO recovered this connection (same id): it redelivers what was missed, and the
  // replays it held go on from where they stood.
  if (socket.recovered) {
    for (const replay of registry.orphansOf(socket.id)) {
      registry.attach(replay.id, socket.id);
      void replay.attach(socketSink(socket, replay.id));
    }
  }

  socket.on("replay:start", (payload, ack) =>
    answer(
      ack,
      () => startReplay(ctx, owner, parseWith(replayStartPayload, payload)),
      ({ replayId }) => playStarted(owner, replayId),
    ),
  );
  socket.on("replay:control", (payload, ack) =>
    answer(ack, () => controlReplay(owner, parseWith(replayControlPayload, payload))),
  );
  socket.on("replay:stop", (payload, ack) =>
    answer(ack, async () => {
      stopReplay(owner, parseWith(replayStopPayload, payload).replayId);
      return {};
    }),
  );
  socket.on("replay:resume", (payload, ack) =>
    answer(ack, () => resumeReplay(owner, parseWith(replayResumePayload, payload))),
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
