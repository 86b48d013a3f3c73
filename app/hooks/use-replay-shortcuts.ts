"use client";

import { useEffect, useRef } from "react";
import type { ReplayControls } from "./use-replay";

/** The replay's keys, as the help popover lists them. */
export const REPLAY_SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: "Space", does: "Play / pause" },
  { keys: "→", does: "Step one tick" },
  { keys: "Shift + →", does: "Step one minute (a 1m bar)" },
  { keys: "+ / −", does: "Faster / slower" },
  { keys: "N", does: "Jump to the next headline" },
  { keys: "L", does: "Back to live" },
];

// Keys typed into a field are text, not commands; Space on a button or link is its own click.
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ["BUTTON", "A", "SUMMARY"].includes(target.tagName);
}

/** Binds the replay keys to the window while `active`. */
export function useReplayShortcuts(active: boolean, controls: ReplayControls): void {
  const latest = useRef(controls);
  latest.current = controls;

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const c = latest.current;
      const key = event.key;
      if (key === " " && !isActivatable(event.target)) c.toggle();
      else if (key === "ArrowRight") c.step(event.shiftKey ? "1m" : "tick");
      else if (key === "+" || key === "=") c.shiftSpeed(1);
      else if (key === "-" || key === "_") c.shiftSpeed(-1);
      else if (key === "n" || key === "N") c.nextNews();
      else if (key === "l" || key === "L") c.stop();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active]);
}
