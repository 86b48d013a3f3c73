import { randomUUID } from "node:crypto";
import { AppError } from "../../contract/errors";
import type { ReplayClock, ReplayPosition } from "../../contract/events";
import type { ReplayControlPayload, ReplayStartPayload } from "../../contract/schemas";
import { assertNever } from "../../domain/invariant";
import type { ReplayRegistry } from "../replay/replay-registry";
import { ReplaySession, type ReplaySink } from "../replay/replay-session";
import type { AppContext } from "./context";
import { newsNaming } from "./find-news";
import { requireInstrument } from "./require-instrument";

const MAX_REPLAYS_PER_CONNECTION = 2;

/** One connection's replays: the registry that holds them across reconnects, and where their events go. */
export interface ReplayOwner {
  registry: ReplayRegistry;
  /** The connection's id (a recovered connection keeps it). */
  id: string;
  sink(replayId: string): ReplaySink;
}

const tooMany = () =>
  new AppError("bad_request", `at most ${MAX_REPLAYS_PER_CONNECTION} replays per connection; stop one first`);

/** Prepares a replay of known `symbols` with the headlines naming them; the caller plays it once the id is answered. */
export async function startReplay(
  ctx: AppContext,
  owner: ReplayOwner,
  p: ReplayStartPayload,
): Promise<{ replayId: string }> {
  const symbols = [...new Set(p.symbols)];
  for (const symbol of symbols) requireInstrument(ctx, symbol, "symbols");
  if (owner.registry.held(owner.id).length >= MAX_REPLAYS_PER_CONNECTION) throw tooMany();
  const news = await newsNaming(ctx, symbols, p.from, p.to);
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
    sink: owner.sink(id),
  });
  owner.registry.add(replay, owner.id);
  await replay.prepare();
  return { replayId: id };
}

/** Starts playing a replay just started (after its id reached the viewer). */
export function playStarted(owner: ReplayOwner, replayId: string): void {
  void owner.registry.claimable(replayId, owner.id)?.play();
}

function held(owner: ReplayOwner, id: string): ReplaySession {
  const replay = owner.registry.claimable(id, owner.id);
  if (!replay || !owner.registry.held(owner.id).includes(replay))
    throw new AppError("not_found", `replayId: no replay "${id}" on this connection`);
  return replay;
}

/** Plays, pauses, steps, seeks, changes speed or jumps to the next headline; answers the clock. */
export async function controlReplay(owner: ReplayOwner, p: ReplayControlPayload): Promise<{ clock: ReplayClock }> {
  const replay = held(owner, p.replayId);
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
}

/** Stops and forgets one of the connection's replays. */
export function stopReplay(owner: ReplayOwner, replayId: string): void {
  held(owner, replayId);
  owner.registry.remove(replayId);
}

/** Takes a replay over on this connection from the viewer's position (after a drop Socket.IO could not recover). */
export async function resumeReplay(owner: ReplayOwner, position: ReplayPosition): Promise<{ clock: ReplayClock }> {
  const replay = owner.registry.claimable(position.replayId, owner.id);
  if (!replay)
    throw new AppError(
      "not_found",
      `replayId: no replay "${position.replayId}" to resume (ended, or held by a live connection)`,
    );
  if (
    !owner.registry.held(owner.id).includes(replay) &&
    owner.registry.held(owner.id).length >= MAX_REPLAYS_PER_CONNECTION
  )
    throw tooMany();
  owner.registry.attach(replay.id, owner.id);
  return { clock: await replay.resume(owner.sink(replay.id), position) };
}
