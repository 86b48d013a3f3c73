"use client";

import { useCallback, useEffect, useSyncExternalStore } from "react";
import { type Theme, applyTheme, currentTheme, storedTheme, systemTheme } from "../lib/state/theme";
import { changeSignal } from "../lib/state/change-signal";

const { subscribe, notify } = changeSignal();

/** The page theme and a toggle that remembers the viewer's choice. */
export function useTheme(): { theme: Theme; toggle: () => void } {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => "dark" as const);

  useEffect(() => {
    // Without a stored choice the page follows the system, also when it changes.
    const media = window.matchMedia("(prefers-color-scheme: light)");
    const follow = () => {
      if (storedTheme() !== null) return;
      applyTheme(systemTheme(), false);
      notify();
    };
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, []);

  const toggle = useCallback(() => {
    applyTheme(currentTheme() === "dark" ? "light" : "dark", true);
    notify();
  }, []);

  return { theme, toggle };
}
