const KEY = "aftershock.watchlist";
const PARAM = "watch";

/** The watchlist the address (`?watch=A,B`) or this browser remembers; null when neither does. */
export function readSavedWatchlist(): string[] | null {
  const fromUrl = new URLSearchParams(window.location.search).get(PARAM);
  let saved: string | null = fromUrl;
  if (saved === null) {
    try {
      saved = window.localStorage.getItem(KEY);
    } catch {
      saved = null; // storage refused (private mode): the defaults it is
    }
  }
  if (saved === null) return null;
  const symbols = saved
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return symbols.length > 0 ? symbols : null;
}

/** Remembers the watchlist in this browser and in the address, so it can be shared. */
export function saveWatchlist(symbols: readonly string[]): void {
  try {
    window.localStorage.setItem(KEY, symbols.join(","));
  } catch {
    // Storage refused: the address still carries it.
  }
  const url = new URL(window.location.href);
  url.searchParams.set(PARAM, symbols.join(","));
  window.history.replaceState(window.history.state, "", url);
}
