/** The two looks of the dashboard; dark is the default. */
export type Theme = "dark" | "light";

// Also read by public/theme-init.js, which applies the theme before the first paint.
export const THEME_STORAGE_KEY = "aftershock-theme";

/** The theme the page shows now (set on <html> by theme-init.js or by applyTheme). */
export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === "light" ? "light" : "dark";
}

/** The stored choice, if the viewer ever made one. */
export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null; // storage can be blocked (private mode, policies): fall back to the system
  }
}

/** The theme the system asks for when the viewer has not chosen. */
export function systemTheme(): Theme {
  return window.matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
}

/** Shows `theme`, and remembers it when `persist` (a choice the viewer made). */
export function applyTheme(theme: Theme, persist: boolean): void {
  document.documentElement.dataset.theme = theme;
  if (!persist) return;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not remembered across visits; the page still switches.
  }
}
