"use client";

import { useCallback, useSyncExternalStore } from "react";
import { type ColorConvention, applyConvention, currentConvention } from "../lib/state/color-convention";
import { changeSignal } from "../lib/state/change-signal";

const { subscribe, notify } = changeSignal();

/** The up/down colour convention and a toggle that remembers the viewer's choice; every
 *  component using it (the header switch, each chart) follows one change. */
export function useColorConvention(): { convention: ColorConvention; toggle: () => void } {
  const convention = useSyncExternalStore(subscribe, currentConvention, () => "western" as const);
  const toggle = useCallback(() => {
    applyConvention(currentConvention() === "krx" ? "western" : "krx");
    notify();
  }, []);
  return { convention, toggle };
}
