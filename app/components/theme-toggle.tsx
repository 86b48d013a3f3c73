"use client";

import type { Theme } from "../lib/state/theme";
import ui from "./ui.module.css";

/** Switches between the dark and light looks; the choice is remembered. */
export function ThemeToggle({ theme, onToggle }: { theme: Theme; onToggle: () => void }) {
  const next = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      className={ui.button}
      data-testid="theme-toggle"
      data-theme-current={theme}
      onClick={onToggle}
      title={`Switch to the ${next} theme`}
    >
      <span aria-hidden="true">{theme === "dark" ? "\u263E" : "\u2600"}</span>{" "}
      <span className={ui.srOnly}>Theme: </span>
      {theme === "dark" ? "Dark" : "Light"}
    </button>
  );
}
