import type { NewsItem, Reaction, Resolution } from "../../../contract/model";

/** One line of the reactions table: a headline and one of its tickers. */
export interface ReactionRow {
  key: string;
  newsId: string;
  publishedAt: number;
  headline: string;
  symbol: string;
  r15m: number | null;
  r60m: number | null;
  car: number | null;
  tStat: number | null;
  /** The daily study's day-0 window: raw return, CAR and t. */
  d0: number | null;
  dCar: number | null;
  dT: number | null;
  resolution: Resolution;
  confounded: boolean;
}

export const SORT_KEYS = [
  "publishedAt",
  "headline",
  "symbol",
  "resolution",
  "r15m",
  "r60m",
  "car",
  "tStat",
  "d0",
  "dCar",
  "dT",
  "confounded",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

/** The table opens on the strongest abnormal reactions first. */
export const DEFAULT_SORT: Sort = { key: "car", direction: "descending" };

/** The rows of one headline, one per reaction (ticker). */
export function rowsOf(news: NewsItem, reactions: readonly Reaction[]): ReactionRow[] {
  return reactions.map((r) => {
    const day0 = r.daily?.windows.find((w) => w.window === "0");
    return {
      key: `${news.id}\u0000${r.symbol}`,
      newsId: news.id,
      publishedAt: Date.parse(news.publishedAt),
      headline: news.headline,
      symbol: r.symbol,
      r15m: r.returns["15m"],
      r60m: r.returns["60m"],
      car: r.abnormal?.car ?? null,
      tStat: r.abnormal?.tStat ?? null,
      d0: day0?.return ?? null,
      dCar: day0?.abnormal ?? null,
      dT: day0?.tStat ?? null,
      resolution: r.resolution,
      confounded: r.confounded,
    };
  });
}

/** What a click on a column header does: flip the column, or start a new one. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  // Text reads A→Z first; figures and time read biggest/newest first.
  return {
    key,
    direction: key === "headline" || key === "symbol" || key === "resolution" ? "ascending" : "descending",
  };
}

/**
 * Rows in the order asked for. Unknown figures (windows not reached) go last in both
 * directions, so flipping a column never buries the rows that have the number. Ties keep
 * a stable order: newest headline first, then ticker.
 */
export function sortRows(rows: readonly ReactionRow[], sort: Sort): ReactionRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y);
      if (order !== 0) return sign * order;
    }
    return b.publishedAt - a.publishedAt || a.symbol.localeCompare(b.symbol);
  });
}
