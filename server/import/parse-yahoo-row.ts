import { parseTime } from "../../contract/time-param";
import { type DayKey, kstTime } from "../../domain/market/kst";
import type { YahooFormat } from "./csv-format";
import { RowError } from "./import-errors";
import { parseCount, parsePrice, requireCell, showCell } from "./parse-cell";

/** When a Yahoo bar starts: a whole trading day, or a minute given with its UTC offset. */
export type BarTime = { kind: "day"; day: DayKey; at: number } | { kind: "minute"; at: number; text: string };

/** One OHLCV bar; prices in the instrument's currency. */
export interface Bar {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// yfinance writes a daily bar's date as local midnight with the exchange's offset.
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[ T]00:00:00(?:\.0+)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads the Date cell: `2025-10-22` or `2025-10-22 00:00:00+09:00` (a daily bar, the day as
 * written), or `2025-10-22 09:01:00+09:00` (intraday).
 */
export function parseYahooTime(cell: string | undefined): BarTime {
  const text = requireCell(cell, "Date");
  const midnight = MIDNIGHT.exec(text);
  if (midnight) return parseYahooTime(midnight[1]);
  if (DAY.test(text)) {
    if (parseTime(text) === null) throw new RowError(`Date ${showCell(text)} is not a calendar date`);
    // A daily bar belongs to the Seoul calendar day it names, whatever the reader's zone.
    return { kind: "day", day: text, at: kstTime(text, 0) };
  }
  // Without an offset a time is ambiguous (Seoul? UTC?); guessing would shift every bar.
  if (!HAS_OFFSET.test(text)) {
    throw new RowError(`Date ${showCell(text)} has no UTC offset (expected e.g. 2025-10-22 09:01:00+09:00)`);
  }
  const at = parseTime(text);
  if (at === null) throw new RowError(`Date ${showCell(text)} is not a date or time`);
  return { kind: "minute", at, text };
}

/** Reads and checks the prices and volume of a row. */
export function parseYahooBar(record: readonly string[], format: YahooFormat): Bar {
  const bar = {
    open: parsePrice(record[format.open], "Open"),
    high: parsePrice(record[format.high], "High"),
    low: parsePrice(record[format.low], "Low"),
    close: parsePrice(record[format.close], "Close"),
    volume: parseCount(record[format.volume], "Volume"),
  };
  if (bar.high < Math.max(bar.open, bar.close, bar.low))
    throw new RowError(`High ${bar.high} is below Open, Low or Close`);
  if (bar.low > Math.min(bar.open, bar.close)) throw new RowError(`Low ${bar.low} is above Open or Close`);
  return bar;
}
