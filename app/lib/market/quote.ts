import type { Snapshot, Tick } from "../../../contract/model";
import { type DayKey, dayKeyOf } from "../../../domain/market/kst";

/** How many recent trades a quote keeps for the time & sales table. */
export const RECENT_TRADES = 20;

/** What the watchlist and time & sales show for one symbol; replaced, never mutated. */
export interface Quote {
  symbol: string;
  last: Tick | null;
  /** Close of the session before the one `last` belongs to. */
  prevClose: number | null;
  /** The Asia/Seoul day of `last`: when a tick of a later day arrives, a new session began. */
  day: DayKey | null;
  /** Newest first, at most RECENT_TRADES. */
  recent: readonly Tick[];
  /** True once the subscribe snapshot has been applied. */
  ready: boolean;
}

/** A quote that has seen nothing yet. */
export function emptyQuote(symbol: string): Quote {
  return { symbol, last: null, prevClose: null, day: null, recent: [], ready: false };
}

/** Applies a subscribe snapshot; an older snapshot than what the quote has is ignored. */
export function applySnapshot(quote: Quote, snapshot: Snapshot): Quote {
  const last = snapshot.last;
  if (!last) return { ...quote, ready: true };
  if (quote.last && quote.last.seq > last.seq) {
    // The snapshot is behind the live ticks; its previous close still holds for that day.
    const day = dayKeyOf(last.ts);
    return day === quote.day ? { ...quote, prevClose: snapshot.prevClose, ready: true } : { ...quote, ready: true };
  }
  const recent = quote.recent.some((t) => t.seq === last.seq)
    ? quote.recent
    : [last, ...quote.recent].slice(0, RECENT_TRADES);
  return { ...quote, last, prevClose: snapshot.prevClose, day: dayKeyOf(last.ts), recent, ready: true };
}

/** Folds live ticks (seq order) in; the first tick of a new day makes the last price the previous close. */
export function applyTicks(quote: Quote, ticks: readonly Tick[]): Quote {
  if (ticks.length === 0) return quote;
  let { last, prevClose, day } = quote;
  for (const tick of ticks) {
    const tickDay = dayKeyOf(tick.ts);
    if (last && day !== null && tickDay > day) prevClose = last.price;
    day = tickDay;
    last = tick;
  }
  const newest = ticks.slice(-RECENT_TRADES).reverse();
  const recent = [...newest, ...quote.recent].slice(0, RECENT_TRADES);
  return { ...quote, last, prevClose, day, recent };
}

/** Adds trades from before the live ones (loaded once, to fill the tape on open). */
export function withEarlierTrades(quote: Quote, ticks: readonly Tick[]): Quote {
  const bySeq = new Map<number, Tick>();
  for (const tick of [...ticks, ...quote.recent]) bySeq.set(tick.seq, tick);
  const recent = [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, RECENT_TRADES);
  return { ...quote, recent };
}

/** Change of the last price against the previous close, or null when either is unknown. */
export function changeOf(quote: Quote): { abs: number; pct: number } | null {
  if (!quote.last || quote.prevClose === null || quote.prevClose === 0) return null;
  const abs = quote.last.price - quote.prevClose;
  return { abs, pct: abs / quote.prevClose };
}
