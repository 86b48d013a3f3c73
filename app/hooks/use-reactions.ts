"use client";

import { useEffect, useState } from "react";
import { RETURN_WINDOWS, type Reaction, type ReturnWindow } from "../../contract/model";
import { ApiError, fetchReactions } from "../lib/transport/reaction-api";

/** How often a reaction whose windows are still open is asked for again. */
export const REACTION_REFRESH_MS = 5_000;

export interface ReactionsState {
  reactions: Reaction[] | null;
  error: { status: number; message: string } | null;
  /** Windows not reached yet: while there are any, the figures are still filling in. */
  open: ReturnWindow[];
}

/**
 * The windows some reaction has not reached yet, in window order. A reaction from daily
 * bars only never fills its minute windows: they are not open, they are not available.
 */
export function openWindows(reactions: readonly Reaction[]): ReturnWindow[] {
  return RETURN_WINDOWS.filter((w) => reactions.some((r) => r.resolution !== "daily" && r.returns[w] === null));
}

/**
 * A headline's reactions, asked for again every 5 s while any window is still open. With
 * `asOf` (a replay's clock) they are the figures as they stood then, asked for again each
 * time that clock enters a new minute, so the card fills in as the replay passes windows.
 */
export function useReactions(newsId: string, asOf: number | null = null): ReactionsState {
  const asOfMinute = asOf === null ? null : Math.floor(asOf / 60_000) * 60_000;
  const [state, setState] = useState<ReactionsState>({ reactions: null, error: null, open: [] });

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A new replay minute keeps the figures up while the next ones load (no flicker).
    if (asOfMinute === null) setState({ reactions: null, error: null, open: [] });

    const load = async () => {
      try {
        const reactions = await fetchReactions(newsId, asOfMinute);
        if (disposed) return;
        const open = openWindows(reactions);
        setState({ reactions, error: null, open });
        if (open.length > 0) timer = setTimeout(whenVisible, REACTION_REFRESH_MS);
      } catch (error) {
        if (disposed) return;
        const status = error instanceof ApiError ? error.status : 0;
        const message = error instanceof Error ? error.message : String(error);
        // Keep the last good figures on a passing failure; a 4xx will not get better.
        setState((s) => ({ ...s, error: { status, message } }));
        if (status === 0 || status >= 500) timer = setTimeout(whenVisible, REACTION_REFRESH_MS);
      }
    };
    // Each refresh costs the server a full computation: a tab nobody looks at waits.
    const whenVisible = () => {
      if (!document.hidden) return void load();
      document.addEventListener("visibilitychange", onVisible);
    };
    const onVisible = () => {
      if (document.hidden) return;
      document.removeEventListener("visibilitychange", onVisible);
      void load();
    };
    void load();
    return () => {
      disposed = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [newsId, asOfMinute]);

  return state;
}
