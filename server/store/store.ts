import type { Instrument, NewsItem, Tick } from "../../contract/model";

/** What the tick store is asked for: one symbol, by seq or by time, ascending by seq. */
export interface TickQuery {
  symbol: string;
  from?: number;
  to?: number;
  afterSeq?: number;
  limit: number;
}

/** A trade reduced to what bars need; read in bulk for candles. */
export interface Trade {
  ts: number;
  price: number;
  size: number;
}

/** Ticks, written in batches and read back by seq or time. */
export interface TickStore {
  /** Stores ticks whose seq the sequencer assigned; resolves once they are committed. */
  append(ticks: readonly Tick[]): Promise<void>;
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
  symbol?: string;
  from?: number;
  to?: number;
  limit: number;
}

/** Headlines with their tickers. */
export interface NewsStore {
  /** Stores a headline; false when one with the same id is already there. */
  insert(item: NewsItem): Promise<boolean>;
  get(id: string): Promise<NewsItem | null>;
  /** Newest first. */
  find(query: NewsQuery): Promise<NewsItem[]>;
  count(): Promise<number>;
}

export interface InstrumentStore {
  upsert(instruments: readonly Instrument[]): Promise<void>;
  list(): Promise<Instrument[]>;
}

/** The storage of one database, behind the three interfaces the rest of the code uses. */
export interface Store {
  readonly kind: "sqlite" | "postgresql";
  readonly ticks: TickStore;
  readonly news: NewsStore;
  readonly instruments: InstrumentStore;
  close(): Promise<void>;
}
