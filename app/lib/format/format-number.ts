const MINUS = "\u2212";
const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  return f;
}

/** "215,500" for whole won, "3,812.45" for an index with 2 decimals. */
export function formatPrice(value: number, decimals: number): string {
  const text = formatter(decimals).format(Math.abs(value));
  return value < 0 ? `${MINUS}${text}` : text;
}

/** "+1,500" / "−1,500" / "0": the sign is spelled out so colour is not the only cue. */
export function formatSignedPrice(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  if (rounded === 0) return formatter(decimals).format(0);
  return `${rounded > 0 ? "+" : MINUS}${formatter(decimals).format(Math.abs(rounded))}`;
}

/** A fraction as a signed percentage: 0.007 -> "+0.70%". */
export function formatPercent(fraction: number): string {
  return `${formatSignedPrice(fraction * 100, 2)}%`;
}

/** Trade size: "12,400". */
export function formatSize(value: number): string {
  return formatter(0).format(value);
}

/** Which way a number points, for colour and arrow. */
export type Direction = "up" | "down" | "flat";

/** The direction of a change after rounding to what is displayed. */
export function directionOf(value: number, decimals: number): Direction {
  const rounded = Number(value.toFixed(decimals));
  return rounded > 0 ? "up" : rounded < 0 ? "down" : "flat";
}

/** The arrow that goes with a direction (▲ ▼), empty when flat. */
export function arrowOf(direction: Direction): string {
  return direction === "up" ? "\u25B2" : direction === "down" ? "\u25BC" : "";
}
