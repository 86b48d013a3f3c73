import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse";
import type { Tick } from "../../contract/model";
import type { DataResolution } from "../../contract/resolution";
import { isSymbol } from "../../contract/symbols";
import { KrxCalendar } from "../../domain/market/krx-calendar";
import { Sequencer } from "../feed/sequencer";
import type { Store } from "../store/store";
import { detectFormat } from "./csv-format";
import { ImportError, RowError, describeError } from "./import-errors";
import { importInstrument } from "./import-instrument";
import { lastStoredTick } from "./last-stored-tick";
import { rollbackImport } from "./rollback-import";
import { RowConverter } from "./row-converter";

// The tick store writes 20k rows per statement; one batch is one statement.
const BATCH_SIZE = 20_000;
// Longer than any real row; stops a file without line breaks from filling memory.
const MAX_RECORD_CHARS = 64 * 1024;
const PROGRESS_EVERY_ROWS = 1_024;

/** What to import and whom to tell about it; only `symbol` and `file` are required. */
export interface TickImportOptions {
  symbol: string;
  file: string;
  /** Display name for an instrument the database does not know yet. */
  name?: string;
  calendar?: KrxCalendar;
  batchSize?: number;
  /** A row that was skipped, with the line it starts on (1 = the header). */
  onRowError?: (line: number, message: string) => void;
  /** Data rows read so far; called every thousand rows or so. */
  onProgress?: (rows: number) => void;
  signal?: AbortSignal;
}

/** What an import stored and skipped. */
export interface TickImportSummary {
  symbol: string;
  format: "yahoo" | "ticks";
  /** What the stored rows stand for: "tick", or the bars' interval ("1d", "1m", "5m", …). */
  resolution: DataResolution;
  /** Ticks stored, and the seqs they got (0 and 0 when none). */
  ticks: number;
  firstSeq: number;
  lastSeq: number;
  /** Data rows read; `skipped` of them were rejected. */
  rows: number;
  skipped: number;
  instrumentCreated: boolean;
}

/**
 * Streams a Yahoo Finance or `ts,price,size` CSV into the tick store for `symbol`, in
 * batches, numbering ticks after the symbol's last stored seq. Bad rows are skipped and
 * reported; anything fatal (an ImportError or a database error) undoes the import's
 * writes before it is rethrown, so the database is left as it was.
 */
export async function importTicks(store: Store, options: TickImportOptions): Promise<TickImportSummary> {
  const { symbol, file } = options;
  if (!isSymbol(symbol))
    throw new ImportError(`symbol ${JSON.stringify(symbol)} is not valid (e.g. 005380.KS or ^KS11)`);
  await requireFile(file);
  const calendar = options.calendar ?? new KrxCalendar();
  const batchSize = options.batchSize ?? BATCH_SIZE;

  const last = await lastStoredTick(store.ticks, symbol);
  const startSeq = last?.seq ?? 0;
  const sequencer = new Sequencer(new Map([[symbol, startSeq]]));
  let converter: RowConverter | null = null;
  let batch: Tick[] = [];
  let previousTs = -Infinity;
  let ticks = 0;
  let rows = 0;
  let skipped = 0;
  // Set after a batch is committed: a failed append writes nothing (one statement or one
  // transaction), so a first batch that fails, e.g. on a seq another writer took, deletes nothing.
  let wrote = false;
  // Fixed by the first write from the rows seen by then (a file's bars share one interval).
  let resolution: DataResolution | null = null;
  let firstTs = 0;
  const write = async (ticks: Tick[], converter: RowConverter) => {
    resolution ??= converter.resolution();
    if (!wrote) firstTs = ticks[0]!.ts;
    await store.ticks.append(ticks, resolution);
    wrote = true;
  };

  const input = createReadStream(file);
  const parser = parse({
    bom: true,
    trim: true,
    // Blank lines come through as [""] and are skipped below: counting them there keeps
    // line numbers exact without csv-parse's `info`, which costs an eighth of the import.
    skip_empty_lines: false,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // pipe() does not forward a read error; without this the loop below would wait forever.
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  try {
    let nextLine = 1;
    for await (const record of parser as AsyncIterable<string[]>) {
      if (options.signal?.aborted) throw new ImportError("interrupted");
      const line = nextLine;
      nextLine += 1 + newlinesIn(record);
      if (record.length === 1 && record[0] === "") continue;
      if (!converter) {
        converter = new RowConverter(detectFormat(record), calendar);
        continue;
      }
      if (converter.isExtraHeader(record, symbol, line)) continue;
      rows++;
      if (rows % PROGRESS_EVERY_ROWS === 0) options.onProgress?.(rows);
      let trades;
      try {
        trades = converter.convert(record, line);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        skipped++;
        options.onRowError?.(line, error.message);
        continue;
      }
      for (const trade of trades) {
        if (previousTs === -Infinity && last && trade.ts <= last.ts) throw beforeStored(trade.ts, last.ts, line);
        if (trade.ts < previousTs) throw overlapping(trade.ts, previousTs, line);
        previousTs = trade.ts;
        batch.push(sequencer.number({ symbol, ...trade }));
      }
      if (batch.length >= batchSize) {
        await write(batch, converter);
        ticks += batch.length;
        batch = [];
      }
    }
    if (!converter) throw new ImportError("the file is empty: no header row");
    if (batch.length > 0) {
      await write(batch, converter);
      ticks += batch.length;
    }
    const instrumentCreated = ticks > 0 && !(await store.instruments.list()).some((i) => i.symbol === symbol);
    if (instrumentCreated) await store.instruments.upsert([importInstrument(symbol, options.name)]);
    // Last: a server watching for sources finds the instrument already there.
    resolution ??= converter.resolution();
    if (ticks > 0) {
      await store.sources.record({
        symbol,
        kind: "import",
        file: path.basename(file),
        resolution,
        firstTs,
        lastTs: previousTs,
        rows: ticks,
      });
    }
    options.onProgress?.(rows);
    return {
      symbol,
      format: converter.format.kind,
      resolution,
      ticks,
      firstSeq: ticks > 0 ? startSeq + 1 : 0,
      lastSeq: startSeq + ticks,
      rows,
      skipped,
      instrumentCreated,
    };
  } catch (error) {
    const cause = fatal(error);
    if (wrote) {
      await rollbackImport(store.ticks, symbol, startSeq).catch((rollbackError: Error) => {
        throw new ImportError(`${describeError(cause)}; ${rollbackError.message}`, true);
      });
    }
    throw cause;
  } finally {
    input.destroy();
  }
}

async function requireFile(file: string): Promise<void> {
  const stats = await stat(file).catch(() => null);
  if (!stats) throw new ImportError(`file not found: ${file}`);
  if (!stats.isFile()) throw new ImportError(`not a file: ${file}`);
}

// A quoted field may span lines; the next record starts that many lines further down.
function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const field of record) {
    for (let at = field.indexOf("\n"); at >= 0; at = field.indexOf("\n", at + 1)) count++;
  }
  return count;
}

const iso = (ms: number) => new Date(ms).toISOString();

function beforeStored(ts: number, lastTs: number, line: number): ImportError {
  return new ImportError(
    `line ${line}: the first tick (${iso(ts)}) is not after the last stored tick of this symbol ` +
      `(${iso(lastTs)}); importing history before existing ticks would break their seq/time order`,
  );
}

// Row order is checked already, so this means bars that overlap, e.g. a daily and a minute bar of one day.
function overlapping(ts: number, previousTs: number, line: number): ImportError {
  return new ImportError(`line ${line}: ticks at ${iso(ts)} overlap the previous row's (up to ${iso(previousTs)})`);
}

// csv-parse's own errors (an unclosed quote, an over-long record) end the file: name them.
function fatal(error: unknown): unknown {
  if (error instanceof ImportError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("CSV_")) {
    return new ImportError(`CSV syntax error: ${(error as Error).message}`);
  }
  return error;
}
