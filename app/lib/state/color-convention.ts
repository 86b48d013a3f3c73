/** Which colour means a rise: "western" is green up / red down; "krx" is the Korean
 *  exchange's red up / blue down. Western is the default. */
export type ColorConvention = "western" | "krx";

// Also read by public/theme-init.js, which applies the convention before the first paint.
export const COLORS_STORAGE_KEY = "aftershock-colors";

/** The convention the page shows now (set on <html> by theme-init.js or applyConvention). */
export function currentConvention(): ColorConvention {
  return document.documentElement.dataset.colors === "krx" ? "krx" : "western";
}

/** Shows `convention` and remembers it: only the viewer changes it. */
export function applyConvention(convention: ColorConvention): void {
  document.documentElement.dataset.colors = convention;
  try {
    localStorage.setItem(COLORS_STORAGE_KEY, convention);
  } catch {
    // Not remembered across visits; the page still switches.
  }
}
