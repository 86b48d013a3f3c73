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

/** A name that means this instrument only in context ("기아" is also famine, bare "Samsung" a group). */
export interface AmbiguousName {
  name: string;
  /** The name counts only when one of these words is in the same text. */
  needs?: string[] | undefined;
  /** The name does not count when one of these words is in the same text. */
  unless?: string[] | undefined;
}

export interface Instrument {
  symbol: string;
  /** English name. */
  name: string;
  /** Korean name (KRX short name); the English name when none is known. */
  nameKo: string;
  exchange: string;
  currency: string;
  timezone: string;
  /** Extensions beyond CONTRACT.md: what the UI and the tagger need. */
  kind: InstrumentKind;
  aliases: string[];
  decimals: number;
  sector?: string | null;
  /** Sensitivity to the benchmark that the simulator uses. */
  beta?: number | null;
  /** Phrases that contain a name but name something else ("Hyundai Motor Group", "KIA Tigers"). */
  lookalikes?: string[];
  ambiguous?: AmbiguousName[];
  /** In GET /api/instruments: whether any price of it is stored (else its chart would be empty). */
  hasData?: boolean;
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

/** The finest resolution of the stored data around an event. */
export type Resolution = "intraday" | "daily";

/** Event windows of the daily study, in trading days relative to event day 0. */
export const DAILY_WINDOWS = ["0", "-1..1", "0..1", "0..5", "0..20"] as const;
export type DailyWindow = (typeof DAILY_WINDOWS)[number];

export interface DailyWindowResult {
  window: DailyWindow;
  /** Raw return over the window: close of its last day over the close before its first. */
  return: number | null;
  /** Cumulative abnormal return (CAR): the sum of the window's daily market-model residuals. */
  abnormal: number | null;
  /** CAR / (residual sd × √days). */
  tStat: number | null;
  /** Extensions: the window's first and last trading day, and why a null is null. */
  from: string;
  to: string;
  reason: string | null;
}

/** The daily event study of one ticker around one headline (CONTRACT.md `DailyReaction`). */
export interface DailyReaction {
  /** KST trading day 0: the headline's day when it lands before that day's close, else the next. */
  eventDay: string;
  /** Close of the trading day before day 0. */
  basePrice: number;
  windows: DailyWindowResult[];
  model: { alpha: number; beta: number; residualSd: number; n: number; from: string; to: string } | null;
  /** Day-0 volume over the mean daily volume of the estimation window. */
  volumeSurge: number | null;
  /** Extensions: why `model` is null, and the estimation window asked for (trading days relative to day 0). */
  modelReason: string | null;
  estimationWindow: { from: number; to: number; minReturns: number };
  /** The trading day the base price is the close of. */
  baseDay: string;
}

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
  /** Intraday path statistics; null when there is no intraday data around t0. */
  peakMove: number | null;
  /** Trading time from t0 to the peak move (closed hours not counted). */
  timeToPeakMs: number | null;
  maxDrawdown: number | null;
  volumeSurge: number | null;
  confounded: boolean;
  /** The finest resolution the stored data has around t0 for this symbol. */
  resolution: Resolution;
  /** The daily event study; null when there are no daily closes around the headline. */
  daily: DailyReaction | null;
  /** Extension: why the intraday fields are null (e.g. only daily bars there), else null. */
  intradayReason: string | null;
  /** Extensions: when the headline was published, and the windows the numbers used. */
  publishedAt: string;
  estimation: { from: string; to: string; n: number; residualSd: number } | null;
  eventWindow: { from: string; to: string; minutes: number };
}

/** A test statistic with its two-sided p-value; null when the sample cannot carry it. */
export interface StudyTest {
  statistic: number | null;
  pValue: number | null;
}

export type StudyResolution = "intraday" | "daily";

/** One headline of a study; `reason` says why an event was left out. */
export interface StudyEvent {
  newsId: string;
  t0: string;
  included: boolean;
  reason?: string;
  /** Extensions: the headline, and each window's raw return and abnormal return (CAR). */
  headline?: string;
  returns: Record<string, number | null>;
  cars: Record<string, number | null>;
}

/** The pooled reaction of many headlines for one symbol in event time (CONTRACT.md `Study`). */
export interface Study {
  symbol: string;
  resolution: StudyResolution;
  benchmark: string;
  /** Events included. */
  n: number;
  events: StudyEvent[];
  windows: {
    window: string;
    caar: number | null;
    /** Events with a positive CAR over the window. */
    positive: number;
    tests: {
      crossSectionalT: StudyTest;
      patellZ: StudyTest;
      bmp: StudyTest;
      corradoRank: StudyTest;
      generalizedSign: StudyTest;
    };
  }[];
  /** CAAR over event time (minutes or trading days) with its 95% band. */
  path: { t: number; aar: number | null; caar: number | null; lo: number | null; hi: number | null }[];
}
