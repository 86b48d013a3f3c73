import { ImportError } from "./import-errors";

/** Yahoo Finance bars: where each needed column sits. `Adj Close` is not used. */
export interface YahooFormat {
  kind: "yahoo";
  date: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Plain trades: `ts,price,size`. */
export interface TicksFormat {
  kind: "ticks";
  ts: number;
  price: number;
  size: number;
}

export type CsvFormat = YahooFormat | TicksFormat;

const YAHOO_COLUMNS = ["Open", "High", "Low", "Close", "Volume"] as const;
const TICK_COLUMNS = ["ts", "price", "size"] as const;

/** Tells the format from the header row; a header that fits neither is fatal. */
export function detectFormat(header: readonly string[]): CsvFormat {
  const names = header.map((h) => h.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name.toLowerCase());
  const missing = (columns: readonly string[]) => columns.filter((c) => at(c) < 0);

  if (YAHOO_COLUMNS.some((c) => at(c) >= 0) || at("date") >= 0 || at("datetime") >= 0) {
    // yfinance names the column Datetime for intraday bars, the Yahoo site Date.
    const date = at("date") >= 0 ? at("date") : at("datetime");
    const absent = [...(date < 0 ? ["Date"] : []), ...missing(YAHOO_COLUMNS)];
    if (absent.length > 0) {
      throw new ImportError(
        `missing column${absent.length > 1 ? "s" : ""} ${absent.join(", ")} ` +
          `(a Yahoo Finance CSV has Date,Open,High,Low,Close,Adj Close,Volume)`,
      );
    }
    return { kind: "yahoo", date, open: at("open"), high: at("high"), low: at("low"), close: at("close"), volume: at("volume") };
  }
  if (TICK_COLUMNS.some((c) => at(c) >= 0)) {
    const absent = missing(TICK_COLUMNS);
    if (absent.length > 0) {
      throw new ImportError(`missing column${absent.length > 1 ? "s" : ""} ${absent.join(", ")} (a tick CSV has ts,price,size)`);
    }
    return { kind: "ticks", ts: at("ts"), price: at("price"), size: at("size") };
  }
  throw new ImportError(
    `unknown CSV header ${JSON.stringify(header.join(",").slice(0, 80))}: expected ` +
      `Date,Open,High,Low,Close,Adj Close,Volume (Yahoo Finance) or ts,price,size`,
  );
}

/** How many fields a row needs to hold every column the format reads. */
export function fieldsNeeded(format: CsvFormat): number {
  const { kind: _, ...columns } = format;
  return Math.max(...Object.values(columns)) + 1;
}
