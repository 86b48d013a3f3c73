import { describe, expect, it } from "vitest";
import type { ReplayClock } from "../../../contract/events";
import { REPLAY_OFF, type ReplayView, replayRangeOf, replayReducer } from "./replay-state";

const range = { from: 1_000_000, to: 2_000_000 };
const clock = (over: Partial<ReplayClock> = {}): ReplayClock => ({
  replayId: "r1",
  t: 1_500_000,
  speed: 60,
  state: "playing",
  ...over,
});

function started(): ReplayView {
  return replayReducer(replayReducer(REPLAY_OFF, { type: "start", range, speed: 60 }), {
    type: "started",
    replayId: "r1",
  });
}

describe("replayReducer", () => {
  it("starts, then plays from the range start", () => {
    const starting = replayReducer(REPLAY_OFF, { type: "start", range, speed: 60 });
    expect(starting).toEqual({ phase: "starting", range, speed: 60 });
    expect(replayRangeOf(starting)).toEqual(range);
    expect(started()).toEqual({ phase: "on", replayId: "r1", range, speed: 60, t: range.from, state: "playing" });
  });

  it("follows the server's clock, speed 0 meaning max", () => {
    const paused = replayReducer(started(), { type: "clock", clock: clock({ state: "paused", t: 1_200_000 }) });
    expect(paused).toMatchObject({ t: 1_200_000, state: "paused", speed: 60 });
    expect(replayReducer(paused, { type: "clock", clock: clock({ speed: 0 }) })).toMatchObject({ speed: "max" });
  });

  it("keeps the same object when nothing changed", () => {
    const view = replayReducer(started(), { type: "clock", clock: clock() });
    expect(replayReducer(view, { type: "clock", clock: clock() })).toBe(view);
  });

  it("ignores clocks of another replay and a late start ack", () => {
    const view = started();
    expect(replayReducer(view, { type: "clock", clock: clock({ replayId: "old" }) })).toBe(view);
    expect(replayReducer(REPLAY_OFF, { type: "started", replayId: "r9" })).toBe(REPLAY_OFF);
  });

  it("a clock that overtakes the start answer starts the view", () => {
    const starting = replayReducer(REPLAY_OFF, { type: "start", range, speed: 60 });
    const view = replayReducer(starting, { type: "clock", clock: clock({ t: 1_000_500 }) });
    expect(view).toMatchObject({ phase: "on", replayId: "r1", t: 1_000_500 });
    expect(replayReducer(view, { type: "started", replayId: "r1" })).toBe(view);
  });

  it("a failure goes back to live with the reason; stop clears it", () => {
    const failed = replayReducer(started(), { type: "failed", error: "no ticks" });
    expect(failed).toEqual({ phase: "off", error: "no ticks" });
    expect(replayRangeOf(failed)).toBeNull();
    expect(replayReducer(failed, { type: "stop" })).toBe(REPLAY_OFF);
  });
});
