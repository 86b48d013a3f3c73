import type { Instrument, NewsItem, Tick } from "../../contract/model";
import type { DataResolution, DataSource, DataSourceKind } from "../../contract/resolution";
import type { DayKey } from "../../domain/market/kst";

/** What the tick store is asked for: one symbol, by seq or by time, ascending by seq. */
export interface TickQuery {
  symbol: string;
  from?: number | undefined;
  to?: number | undefined;
  afterSeq?: number | undefined;
  limit: number;
}

/** A trade reduced to what bars need; read in bulk for candles. */
export interface Trade {
  ts: number;
  price: number;
  size: number;
}

/** One Asia/Seoul calendar day of a symbol: its last print and the day's whole volume. */
export interface DailyClose {
  day: DayKey;
  /** Epoch ms of the day's last print. */
  ts: number;
  close: number;
  volume: number;
}

/** Ticks, written in batches and read back by seq or time. */
export interface TickStore {
  /**
   * Stores ticks whose seq the sequencer assigned, all of one resolution ("tick" unless
   * they were drawn from bars); resolves once they are committed.
   */
  append(ticks: readonly Tick[], resolution?: DataResolution): Promise<void>;
  /** The resolutions of the rows of `symbol` with ts in [from, to), finest first; [] when none. */
  resolutions(symbol: string, from: number, to: number): Promise<DataResolution[]>;
  /**
   * One row per Asia/Seoul calendar day of [from, to) on which `symbol` has prints: the
   * day's last price and its summed size, ascending. Works alike for ticks and imported bars
   * (a daily bar's last tick is its close).
   */
  dailyCloses(symbol: string, from: number, to: number): Promise<DailyClose[]>;
  /** The last stored tick of every symbol that has one. */
  lastTicks(): Promise<Map<string, Tick>>;
  /** The last tick of `symbol` at or before `ts`. */
  lastAtOrBefore(symbol: string, ts: number): Promise<Tick | null>;
  find(query: TickQuery): Promise<Tick[]>;
  /** Every trade of `symbol` in [from, to), ascending. */
  trades(symbol: string, from: number, to: number): Promise<Trade[]>;
  /**
   * One point per minute of [from, to) that has trades, minutes closed on the right
   * (m, m + 1 min]: the minute's last trade (its time
   * and price) carrying the minute's whole volume. What long look-backs need, 60x smaller.
   */
  minuteCloses(symbol: string, from: number, to: number): Promise<Trade[]>;
  count(): Promise<number>;
  /** Deletes the ticks of `symbol` with a seq above `seq` (undoes a failed import); resolves to how many. */
  deleteAfter(symbol: string, seq: number): Promise<number>;
}

export interface NewsQuery {
  symbol?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

/** Headlines with their tickers. */
export interface NewsStore {
  /** Stores a headline; false when one with the same id is already there. */
  insert(item: NewsItem): Promise<boolean>;
  get(id: string): Promise<NewsItem | null>;
  /** Headlines stored at or after `createdAt` (epoch ms, by any process), oldest stored first. */
  storedSince(createdAt: number, limit: number): Promise<{ item: NewsItem; storedAt: number }[]>;
  /** Newest first. */
  find(query: NewsQuery): Promise<NewsItem[]>;
  count(): Promise<number>;
}

export interface InstrumentStore {
  upsert(instruments: readonly Instrument[]): Promise<void>;
  list(): Promise<Instrument[]>;
}

/** A data source as recorded: times in epoch ms; `id` grows with every one recorded. */
export interface StoredDataSource {
  id: number;
  symbol: string;
  kind: DataSourceKind;
  file: string | null;
  resolution: DataResolution;
  firstTs: number;
  lastTs: number;
  rows: number;
}

/** Where stored ticks came from (imports, tapes, the simulator), for labels. */
export interface SourceStore {
  /** Records a source; resolves to its id. */
  record(source: Omit<StoredDataSource, "id">): Promise<number>;
  /** Moves a running source's end on (a feed that keeps writing). */
  extend(id: number, lastTs: number, rows: number): Promise<void>;
  /** Every source, or those of `symbol`, oldest first; `afterId` keeps those recorded after it. */
  list(query?: { symbol?: string; afterId?: number }): Promise<StoredDataSource[]>;
}

/** The wire shape of a stored source (ISO times, no id). */
export function toDataSource(source: StoredDataSource): DataSource {
  return {
    symbol: source.symbol,
    kind: source.kind,
    file: source.file,
    resolution: source.resolution,
    from: new Date(source.firstTs).toISOString(),
    to: new Date(source.lastTs).toISOString(),
    rows: source.rows,
  };
}

/** The storage of one database, behind the interfaces the rest of the code uses. */
export interface Store {
  readonly kind: "sqlite" | "postgresql";
  readonly ticks: TickStore;
  readonly news: NewsStore;
  readonly instruments: InstrumentStore;
  readonly sources: SourceStore;
  close(): Promise<void>;
}
