import { ImportError } from "./import-errors";

/**
 * Yahoo Finance bars: where each needed column sits. `Adj Close` is not used (README,
 * "Importing history"). `yfinance` marks the three-line header of yfinance ≥ 0.2.51
 * (`Price,…` / `Ticker,…` / `Date,…`), whose two extra header lines come before the data.
 */
export interface YahooFormat {
  kind: "yahoo";
  yfinance: boolean;
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
    // yfinance names the column Datetime for intraday bars, the Yahoo site Date; yfinance's
    // three-line header names the first column Price and puts Date on its third line.
    const yfinance = at("date") < 0 && at("datetime") < 0 && names[0] === "price";
    const date = yfinance ? 0 : at("date") >= 0 ? at("date") : at("datetime");
    const absent = [...(date < 0 ? ["Date"] : []), ...missing(YAHOO_COLUMNS)];
    if (absent.length > 0) {
      throw new ImportError(
        `missing column${absent.length > 1 ? "s" : ""} ${absent.join(", ")} ` +
          `(a Yahoo Finance CSV has Date,Open,High,Low,Close,Adj Close,Volume)`,
      );
    }
    return {
      kind: "yahoo",
      yfinance,
      date,
      open: at("open"),
      high: at("high"),
      low: at("low"),
      close: at("close"),
      volume: at("volume"),
    };
  }
  if (TICK_COLUMNS.some((c) => at(c) >= 0)) {
    const absent = missing(TICK_COLUMNS);
    if (absent.length > 0) {
      throw new ImportError(
        `missing column${absent.length > 1 ? "s" : ""} ${absent.join(", ")} (a tick CSV has ts,price,size)`,
      );
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
  const columns =
    format.kind === "yahoo"
      ? [format.date, format.open, format.high, format.low, format.close, format.volume]
      : [format.ts, format.price, format.size];
  return Math.max(...columns) + 1;
}
