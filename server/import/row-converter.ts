import type { DataResolution } from "../../contract/resolution";
import type { KrxCalendar, Session } from "../../domain/market/krx-calendar";
import type { Trade } from "../store/store";
import { barToTicks } from "./bars-to-ticks";
import { barWindow } from "./bar-window";
import { type CsvFormat, fieldsNeeded } from "./csv-format";
import { ImportError, RowError } from "./import-errors";
import { showCell } from "./parse-cell";
import { parseTickRow, parseTickTime } from "./parse-tick-row";
import { parseYahooBar, parseYahooTime } from "./parse-yahoo-row";

/**
 * Turns the data rows of one CSV into trades, in file order. A bad row throws RowError
 * (skip it); rows out of time order throw ImportError, because a later row can no
 * longer be placed without rewriting seqs that are already numbered.
 */
export class RowConverter {
  private lastAt = -Infinity;
  private lastCell = "";
  private session: Session | null = null;
  private readonly width: number;
  // Intraday bars: the smallest step seen between two bars of one session, in minutes.
  private barStepMinutes = Infinity;
  private lastBar: { at: number; session: number } | null = null;
  private sawDay = false;

  constructor(
    readonly format: CsvFormat,
    private readonly calendar: KrxCalendar,
  ) {
    this.width = fieldsNeeded(format);
  }

  convert(record: readonly string[], line: number): Trade[] {
    if (record.length < this.width) {
      throw new RowError(
        `a partial row: ${record.length} of ${this.width} fields (a file cut off while it was written?)`,
      );
    }
    const format = this.format;
    if (format.kind === "yahoo") {
      const cell = record[format.date]!;
      const time = parseYahooTime(cell);
      // Two bars for one day or minute would be two sessions' worth of ticks in one.
      this.inOrder(time.at, cell, line, true);
      const bar = parseYahooBar(record, format);
      // Yahoo lists some closed days (holidays) as bars with no volume and the last close.
      if (time.kind === "day" && bar.volume === 0)
        throw new RowError(`Volume 0 on ${time.day}: no trading that day, skipped`);
      const window = barWindow(time, this.calendar);
      this.noteBar(time.kind === "day", time.at, window.session);
      return barToTicks(bar, window);
    }
    const cell = record[format.ts]!;
    const ts = parseTickTime(cell);
    // Trades may share a millisecond, so equal times are fine here.
    this.inOrder(ts, cell, line, false);
    const trade = parseTickRow(record, format, ts);
    if (!this.inSession(ts)) {
      throw new RowError(`ts ${showCell(cell)} is outside the KRX session (09:00–15:30 Seoul on trading days)`);
    }
    return [trade];
  }

  /**
   * Whether `record` is one of the two extra header lines of yfinance's three-line header
   * (`Ticker,005380.KS,…` or `Date,,,…`), which it then checks against `symbol`.
   */
  isExtraHeader(record: readonly string[], symbol: string, line: number): boolean {
    if (this.format.kind !== "yahoo" || !this.format.yfinance || this.lastAt !== -Infinity) return false;
    const first = record[0]?.toLowerCase();
    if (first === "date" || first === "datetime") return record.slice(1).every((cell) => cell === "");
    if (first !== "ticker") return false;
    const tickers = new Set(record.slice(1).filter((cell) => cell !== ""));
    if (tickers.size > 1)
      throw new ImportError(
        `line ${line}: the file holds several tickers (${[...tickers].join(", ")}); import one at a time`,
      );
    const [ticker] = tickers;
    if (ticker !== undefined && ticker !== symbol) {
      throw new ImportError(`line ${line}: the file is for ticker ${ticker}, not --symbol ${symbol}`);
    }
    return true;
  }

  /**
   * The resolution of the rows converted so far: "tick" for a tick CSV, "1d" for daily bars,
   * else the smallest step between two bars of one session ("1m", "5m", "1h"…; "1m" until two are seen).
   */
  resolution(): DataResolution {
    if (this.format.kind === "ticks") return "tick";
    if (this.sawDay) return "1d";
    const step = Number.isFinite(this.barStepMinutes) ? this.barStepMinutes : 1;
    return step % 60 === 0 ? `${step / 60}h` : `${step}m`;
  }

  private noteBar(daily: boolean, at: number, session: number): void {
    if (daily) {
      this.sawDay = true;
      return;
    }
    if (this.lastBar && this.lastBar.session === session) {
      this.barStepMinutes = Math.min(this.barStepMinutes, Math.max(1, Math.round((at - this.lastBar.at) / 60_000)));
    }
    this.lastBar = { at, session };
  }

  // Rows arrive in time order, so the last session found almost always holds the next tick.
  private inSession(ts: number): boolean {
    const cached = this.session;
    if (cached && ts >= cached.open && ts < cached.close) return true;
    this.session = this.calendar.sessionAt(ts);
    return this.session !== null;
  }

  private inOrder(at: number, cell: string, line: number, strictly: boolean): void {
    if (at < this.lastAt || (strictly && at === this.lastAt)) {
      throw new ImportError(
        `line ${line}: ${cell} ${at === this.lastAt ? "repeats" : "comes before"} the previous row's ${this.lastCell}: ` +
          `rows must be in ascending time (sort the file first)`,
      );
    }
    this.lastAt = at;
    this.lastCell = cell;
  }
}
