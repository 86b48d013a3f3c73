import type { Theme } from "../state/theme";

/** Line colours of the event overlay, per theme. */
export interface OverlayPalette {
  /** Tickers take these in order; none is the dashboard's up green or down red, so a
   *  line's colour never reads as a direction. */
  lines: readonly string[];
  benchmark: string;
}

const PALETTES: Record<Theme, OverlayPalette> = {
  dark: { lines: ["#58a6ff", "#f0883e", "#d2a8ff", "#39c5cf", "#e3b341"], benchmark: "#8b949e" },
  light: { lines: ["#0969da", "#bc4c00", "#8250df", "#1b7c83", "#9a6700"], benchmark: "#57606a" },
};

/** The overlay colours of a theme. */
export function overlayPaletteOf(theme: Theme): OverlayPalette {
  return PALETTES[theme];
}

/** The colour of the `index`-th ticker line, or of the benchmark. */
export function overlayColor(palette: OverlayPalette, index: number, benchmark: boolean): string {
  return benchmark ? palette.benchmark : palette.lines[index % palette.lines.length]!;
}
