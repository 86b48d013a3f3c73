"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { parseReplayLink, writeReplayLink } from "../lib/replay/replay-permalink";
import { ReplayMarket } from "../lib/market/replay-market";
import type { ReplayRange } from "../lib/replay/replay-range";
import type { ReplayControl } from "../lib/replay/replay-session";
import { type ReplaySpeed, shiftSpeed } from "../lib/replay/replay-speeds";
import { REPLAY_OFF, type ReplayView, replayReducer } from "../lib/replay/replay-state";

/** What the toolbar, the shortcuts and the headline buttons can ask of the replay. */
export interface ReplayControls {
  readonly start: (range: ReplayRange, speed: ReplaySpeed, t?: number | null) => void;
  readonly toggle: () => void;
  readonly step: (unit: "tick" | "1m") => void;
  readonly setSpeed: (speed: ReplaySpeed) => void;
  readonly shiftSpeed: (direction: 1 | -1) => void;
  readonly seek: (t: number) => void;
  readonly nextNews: () => void;
  /** Back to live: closes the replay's connection. */
  readonly stop: () => void;
}

// While playing, the address follows the clock about once a second: often enough for a
// link copied at any moment, rarely enough for the browser's history rate limit.
const LINK_EVERY_MS = 1_000;

function writeLink(view: ReplayView): void {
  const url = new URL(window.location.href);
  writeReplayLink(url.searchParams, view.phase === "on" ? { ...view.range, speed: view.speed, t: view.t } : null);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

/** One viewer's replay: its market (null when live), its view, and its controls; restores `?replay=` on open. */
export function useReplay(symbols: readonly string[]): {
  view: ReplayView;
  market: ReplayMarket | null;
  controls: ReplayControls;
} {
  const [view, dispatch] = useReducer(replayReducer, REPLAY_OFF);
  const [market, setMarket] = useState<ReplayMarket | null>(null);
  const current = useRef<ReplayMarket | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;

  const fail = useCallback((reason: unknown) => {
    current.current?.close();
    current.current = null;
    setMarket(null);
    dispatch({ type: "failed", error: reason instanceof Error ? reason.message : String(reason) });
  }, []);

  const send = useCallback(
    (control: ReplayControl) => {
      const replay = current.current;
      if (replay) replay.control(control).catch(fail);
    },
    [fail],
  );

  const controls = useMemo<ReplayControls>(
    () => ({
      start(range, speed, t = null) {
        current.current?.close();
        const replay = new ReplayMarket(symbols);
        current.current = replay;
        setMarket(replay);
        dispatch({ type: "start", range, speed });
        replay.onReplayClock((clock) => dispatch({ type: "clock", clock }));
        replay.start(range.from, range.to, speed).then(
          async (replayId) => {
            dispatch({ type: "started", replayId });
            if (t === null) return;
            // A link restores a view: the clock where it was, paused.
            await replay.control({ action: "pause" });
            await replay.control({ action: "seek", value: t });
          },
          (reason: unknown) => {
            if (current.current === replay) fail(reason);
          },
        );
      },
      toggle() {
        const v = viewRef.current;
        if (v.phase !== "on") return;
        if (v.state === "playing") return send({ action: "pause" });
        const replay = current.current;
        if (v.state === "ended" && replay) {
          // An ended replay plays again from the start.
          replay
            .control({ action: "seek", value: v.range.from })
            .then(() => replay.control({ action: "play" }))
            .catch(fail);
          return;
        }
        send({ action: "play" });
      },
      step: (unit) => send({ action: "step", value: unit }),
      setSpeed: (speed) => send({ action: "speed", value: speed }),
      shiftSpeed(direction) {
        const v = viewRef.current;
        if (v.phase === "on") send({ action: "speed", value: shiftSpeed(v.speed, direction) });
      },
      seek: (t) => send({ action: "seek", value: Math.round(t) }),
      nextNews: () => send({ action: "next-news" }),
      stop() {
        current.current?.close();
        current.current = null;
        setMarket(null);
        dispatch({ type: "stop" });
      },
    }),
    [symbols, send, fail],
  );

  // Opening a replay link starts that replay.
  useEffect(() => {
    const link = parseReplayLink(new URLSearchParams(window.location.search));
    if (link) controls.start({ from: link.from, to: link.to }, link.speed, link.t);
    return () => current.current?.close();
    // Only on open: later changes of the address are this hook's own.
  }, []);

  const lastWrite = useRef(0);
  const linked = useRef(false);
  useEffect(() => {
    if (view.phase === "starting") return;
    // Until a replay has run, the address is not this hook's: an opening link stays put.
    if (view.phase === "off" && !linked.current) return;
    const now = performance.now();
    if (view.phase === "on" && view.state === "playing" && now - lastWrite.current < LINK_EVERY_MS) return;
    linked.current = view.phase === "on";
    lastWrite.current = now;
    writeLink(view);
  }, [view]);

  return { view, market, controls };
}
