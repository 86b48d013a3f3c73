import type { ReplayClock, ReplayState } from "../../../contract/events";
import type { ReplayRange } from "./replay-range";
import type { ReplaySpeed } from "./replay-speeds";
import { assertNever } from "../../../domain/invariant";

/** Where the viewer's replay stands, as the toolbar and the header show it. */
export type ReplayView =
  | { phase: "off"; error: string | null }
  | { phase: "starting"; range: ReplayRange; speed: ReplaySpeed }
  | { phase: "on"; replayId: string; range: ReplayRange; speed: ReplaySpeed; t: number; state: ReplayState };

export type ReplayAction =
  | { type: "start"; range: ReplayRange; speed: ReplaySpeed }
  | { type: "started"; replayId: string }
  | { type: "clock"; clock: ReplayClock }
  | { type: "failed"; error: string }
  | { type: "stop" };

export const REPLAY_OFF: ReplayView = { phase: "off", error: null };

/** Pure: the next view after `action`. Clocks of another replay (a stale one) are ignored. */
export function replayReducer(view: ReplayView, action: ReplayAction): ReplayView {
  switch (action.type) {
    case "start":
      return { phase: "starting", range: action.range, speed: action.speed };
    case "started":
      if (view.phase !== "starting") return view;
      return {
        phase: "on",
        replayId: action.replayId,
        range: view.range,
        speed: view.speed,
        t: view.range.from,
        state: "playing",
      };
    case "clock": {
      // The first clock may overtake the start answer on its way to the reducer.
      if (view.phase === "starting") view = replayReducer(view, { type: "started", replayId: action.clock.replayId });
      if (view.phase !== "on" || action.clock.replayId !== view.replayId) return view;
      const { t, state } = action.clock;
      // The server says 0 for "as fast as possible".
      const speed: ReplaySpeed = action.clock.speed === 0 ? "max" : action.clock.speed;
      if (t === view.t && state === view.state && speed === view.speed) return view;
      return { ...view, t, state, speed };
    }
    case "failed":
      return { phase: "off", error: action.error };
    case "stop":
      return REPLAY_OFF;
    default:
      return assertNever(action, "replay action");
  }
}

/** The range being replayed (or about to be), null when live. */
export function replayRangeOf(view: ReplayView): ReplayRange | null {
  return view.phase === "off" ? null : view.range;
}
