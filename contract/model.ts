// The data shapes of CONTRACT.md, shared by server and browser.

/** One trade print. `seq` grows by exactly 1 per symbol, starting at 1. */
export interface Tick {
  symbol: string;
  ts: number;
  price: number;
  size: number;
  seq: number;
}

export interface NewsItem {
  id: string;
  publishedAt: string;
  headline: string;
  body: string;
  source: string;
  url: string | null;
  tickers: string[];
}

/** One bar; `time` is the bucket start in epoch seconds. */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export type InstrumentKind = "stock" | "index";

export interface Instrument {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  timezone: string;
  /** Extensions beyond CONTRACT.md: what the UI and the tagger need. */
  kind: InstrumentKind;
  aliases: string[];
  decimals: number;
}

export const INTERVALS = ["1s", "1m", "5m", "1h", "1d"] as const;
export type Interval = (typeof INTERVALS)[number];

export interface Health {
  ok: true;
  db: "sqlite" | "postgresql";
  feed: string;
  node: string;
  /** Extension: whether this node runs the feed (one node of a cluster does). */
  leader: boolean;
}

/** Where the feed's market clock stands; pushed as `clock` (an extension of the contract). */
export interface MarketClock {
  t: number;
  session: "open" | "closed";
  feed: string;
  speed: number;
}

export interface Snapshot {
  symbol: string;
  seq: number;
  last: Tick | null;
  /** Extension: the previous session's close, so a viewer can show the day's change. */
  prevClose: number | null;
}

export const RETURN_WINDOWS = ["1m", "5m", "15m", "30m", "60m", "close", "nextClose"] as const;
export type ReturnWindow = (typeof RETURN_WINDOWS)[number];

/** How the price of one ticker reacted to one headline (returns as fractions). */
export interface Reaction {
  newsId: string;
  symbol: string;
  /** The event time: the headline's publish time, or the first tradable moment after it. */
  t0: string;
  preEventPrice: number;
  returns: Record<ReturnWindow, number | null>;
  abnormal: { car: number; tStat: number; alpha: number; beta: number } | null;
  /** Extension: the market model's abnormal return over each window, R − (α·minutes + β·Rm). */
  abnormalReturns: Record<ReturnWindow, number | null> | null;
  peakMove: number;
  timeToPeakMs: number;
  maxDrawdown: number;
  volumeSurge: number | null;
  confounded: boolean;
  /** Extensions: when the headline was published, and the windows the numbers used. */
  publishedAt: string;
  estimation: { from: string; to: string; n: number; residualSd: number } | null;
  eventWindow: { from: string; to: string; minutes: number };
}
