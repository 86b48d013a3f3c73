import { MAX_REPLAY_RANGE_MS } from "../../../contract/limits";
import { fromKstInput, toKstInput } from "../format/kst-input";
import { type ReplaySpeed, parseSpeed } from "./replay-speeds";

/** What a replay link carries: the range, the speed and where the clock stood. */
export interface ReplayLink {
  from: number;
  to: number;
  speed: ReplaySpeed;
  /** Where to put the clock (paused); null: play from `from`. */
  t: number | null;
}

const KEYS = ["replay", "speed", "t"] as const;

// Times in a link are KST wall times ("2025-10-22T13:05:00"), readable and free of the
// "+" an offset would need escaped; epoch ms are accepted too.
function parseTime(value: string): number | null {
  if (/^\d{10,15}$/.test(value)) return Number(value);
  return fromKstInput(value);
}

/** Reads `?replay=FROM,TO&speed=S&t=T`; null when the address names no valid replay. */
export function parseReplayLink(search: URLSearchParams): ReplayLink | null {
  const range = search.get("replay");
  if (!range) return null;
  const [fromText, toText] = range.split(",");
  const from = fromText ? parseTime(fromText) : null;
  const to = toText ? parseTime(toText) : null;
  if (from === null || to === null || from >= to || to - from > MAX_REPLAY_RANGE_MS) return null;
  const tText = search.get("t");
  const t = tText ? parseTime(tText) : null;
  return { from, to, speed: parseSpeed(search.get("speed")) ?? 60, t: t !== null && t >= from && t <= to ? t : null };
}

/** Writes the link's parameters into `search`, or removes them for `null` (back to live). */
export function writeReplayLink(search: URLSearchParams, link: ReplayLink | null): void {
  for (const key of KEYS) search.delete(key);
  if (!link) return;
  search.set("replay", `${toKstInput(link.from)},${toKstInput(link.to)}`);
  search.set("speed", String(link.speed));
  if (link.t !== null) search.set("t", toKstInput(link.t));
}

/** The dashboard address that opens a replay of [from, to]. */
export function replayHref(link: Omit<ReplayLink, "t">, newsId?: string): string {
  const search = new URLSearchParams();
  if (newsId) search.set("news", newsId);
  writeReplayLink(search, { ...link, t: null });
  return `/?${search}`;
}
