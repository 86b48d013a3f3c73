import type { ColorConvention } from "../state/color-convention";
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
// app/globals.css. Green up / red down unless the viewer picks KRX's red up / blue down.
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
    news: "#875a00",
    newsSelected: "#0969da",
  },
};

// KRX convention, kept in step with the :root[data-colors="krx"] rules of app/globals.css.
// The selected headline's marker turns violet: blue would read as a falling bar.
const KRX: Record<Theme, Pick<ChartPalette, "up" | "down" | "volumeUp" | "volumeDown" | "newsSelected">> = {
  dark: {
    up: "#f85149",
    down: "#6cb6ff",
    volumeUp: "rgba(248, 81, 73, 0.35)",
    volumeDown: "rgba(108, 182, 255, 0.35)",
    newsSelected: "#d2a8ff",
  },
  light: {
    up: "#cf222e",
    down: "#0550ae",
    volumeUp: "rgba(207, 34, 46, 0.3)",
    volumeDown: "rgba(5, 80, 174, 0.3)",
    newsSelected: "#8250df",
  },
};

/** The chart colours of a theme under a colour convention. */
export function paletteOf(theme: Theme, convention: ColorConvention = "western"): ChartPalette {
  return convention === "krx" ? { ...PALETTES[theme], ...KRX[theme] } : PALETTES[theme];
}
