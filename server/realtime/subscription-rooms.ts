import type { Server, Socket } from "socket.io";
import type { Tick } from "../../contract/model";
import { groupBySymbol } from "../../domain/ticks/group-by-symbol";

// One room per subscription set ("set:000270.KS,005380.KS,^KS11"): a stored batch becomes
// one frame per socket (the ticks of every symbol it follows), encoded once per set, instead
// of one frame per symbol room. Rooms are what the Redis adapter carries between nodes, so
// followers' viewers get the same single frame.
const PREFIX = "set:";
const SETS_EVENT = "fanout:sets";
// Every node tells the others which sets its viewers hold, at once for a new one and again
// on this beat, so a node that becomes the leader learns them within a beat.
const REPORT_EVERY_MS = 2_000;
const FORGET_AFTER_MS = 3 * REPORT_EVERY_MS + 1_000;

export const setRoom = (symbols: readonly string[]): string => PREFIX + [...symbols].sort().join(",");
const symbolsOf = (room: string): string[] => room.slice(PREFIX.length).split(",");

interface SocketData {
  symbols?: string[];
}

/** Moves a socket to the room of its new subscription set (empty: no room). */
export async function setSubscription(socket: Socket, symbols: readonly string[]): Promise<void> {
  const data = socket.data as SocketData;
  const next = [...new Set(symbols)].sort();
  const before = data.symbols ?? [];
  if (before.length > 0 && setRoom(before) !== setRoom(next)) await socket.leave(setRoom(before));
  data.symbols = next;
  if (next.length > 0) await socket.join(setRoom(next));
}

/** The symbols a socket follows. */
export function subscriptionOf(socket: Socket): string[] {
  return (socket.data as SocketData).symbols ?? [];
}

/**
 * Knows every subscription set in the cluster (this node's rooms, and the ones the other
 * nodes report) and emits a batch once per set that has ticks in it.
 */
export class SubscriptionFanout {
  private readonly remote = new Map<string, number>();
  private readonly timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: Server,
    clustered: boolean,
  ) {
    if (!clustered) return;
    const adapter = io.of("/").adapter;
    adapter.on("create-room", (room: string) => {
      if (room.startsWith(PREFIX)) this.report([room]);
    });
    (io as unknown as { on(event: string, fn: (rooms: unknown) => void): void }).on(SETS_EVENT, (rooms) => {
      if (!Array.isArray(rooms)) return;
      const now = Date.now();
      for (const room of rooms) if (typeof room === "string" && room.startsWith(PREFIX)) this.remote.set(room, now);
    });
    this.timer = setInterval(() => this.report(this.localSets()), REPORT_EVERY_MS);
    this.timer.unref();
  }

  /** Emits the batch: one `ticks` frame per subscription set, holding that set's symbols. */
  emit(batch: readonly Tick[]): void {
    const bySymbol = groupBySymbol(batch);
    for (const room of this.sets()) {
      const symbols = symbolsOf(room);
      let ticks: Tick[];
      if (symbols.length === 1) ticks = bySymbol.get(symbols[0]!) ?? [];
      else {
        ticks = [];
        for (const symbol of symbols) {
          const own = bySymbol.get(symbol);
          if (own) for (const tick of own) ticks.push(tick);
        }
      }
      if (ticks.length > 0) this.io.to(room).emit("ticks", ticks);
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private sets(): Set<string> {
    const sets = new Set(this.localSets());
    const now = Date.now();
    for (const [room, seen] of this.remote) {
      if (now - seen > FORGET_AFTER_MS) this.remote.delete(room);
      else sets.add(room);
    }
    return sets;
  }

  private localSets(): string[] {
    const rooms: string[] = [];
    for (const room of this.io.of("/").adapter.rooms.keys()) if (room.startsWith(PREFIX)) rooms.push(room);
    return rooms;
  }

  private report(rooms: string[]): void {
    if (rooms.length === 0) return;
    // Fire and forget: a node that misses one report gets the next beat.
    (this.io as unknown as { serverSideEmit(event: string, rooms: string[]): void }).serverSideEmit(SETS_EVENT, rooms);
  }
}
