import type { Theme } from "../state/theme";

/** Colours the canvas needs; CSS variables cannot reach into it, so they are mirrored here. */
export interface ChartPalette {
  background: string;
  text: string;
  grid: string;
  border: string;
  crosshair: string;
  up: string;
  down: string;
  volumeUp: string;
  volumeDown: string;
  news: string;
  newsSelected: string;
}

// Kept in step with the --panel, --muted, --up, --down, --news and --focus variables of
// app/globals.css. Green up / red down: the page is written for English-reading traders.
const PALETTES: Record<Theme, ChartPalette> = {
  dark: {
    background: "#12171e",
    text: "#9aa7b4",
    grid: "#1c232c",
    border: "#2a323d",
    crosshair: "#6e7b8a",
    up: "#3fb950",
    down: "#f85149",
    volumeUp: "rgba(63, 185, 80, 0.35)",
    volumeDown: "rgba(248, 81, 73, 0.35)",
    news: "#e3b341",
    newsSelected: "#58a6ff",
  },
  light: {
    background: "#ffffff",
    text: "#57606a",
    grid: "#eef1f4",
    border: "#d0d7de",
    crosshair: "#8c959f",
    up: "#1a7f37",
    down: "#cf222e",
    volumeUp: "rgba(26, 127, 55, 0.3)",
    volumeDown: "rgba(207, 34, 46, 0.3)",
    news: "#9a6700",
    newsSelected: "#0969da",
  },
};

/** The chart colours of a theme. */
export function paletteOf(theme: Theme): ChartPalette {
  return PALETTES[theme];
}
