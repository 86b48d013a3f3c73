import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { isSymbol } from "../../contract/symbols";
import { RowError } from "../import/import-errors";
import { parseCount, parsePrice, showCell } from "../import/parse-cell";
import { parseTickTime } from "../import/parse-tick-row";

/** One recorded trade of a tape, unsequenced. */
export interface TapeRow {
  symbol: string;
  ts: number;
  price: number;
  size: number;
}

const COLUMNS = ["symbol", "ts", "price", "size"] as const;

/**
 * Reads a tick tape (CONTRACT "Tick tape": CSV `symbol,ts,price,size`, ts epoch ms or
 * ISO 8601 with an offset, rows in time order) whole, before the feed starts. Any bad row
 * is fatal and named by its line: a feed that skipped rows would play a different tape.
 */
export async function readTape(file: string): Promise<TapeRow[]> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`tape ${file}: cannot read it (${error.code ?? error.message})`);
  });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new Error(`tape ${file}: CSV syntax error: ${(error as Error).message}`, { cause: error });
  }
  const header = records[0]?.record.map((h) => h.toLowerCase());
  if (!header || COLUMNS.some((c) => !header.includes(c))) {
    throw new Error(
      `tape ${file} line 1: expected the header symbol,ts,price,size, found ${showCell((records[0]?.record ?? []).join(","))}`,
    );
  }
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const rows: TapeRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i]!;
    // The line the record ends on: its own line for every one-line row.
    const line = info.lines;
    try {
      const symbol = record[at.symbol] ?? "";
      if (!isSymbol(symbol)) throw new RowError(`symbol ${showCell(symbol)} is not a symbol (e.g. 005380.KS or ^KS11)`);
      const ts = parseTickTime(record[at.ts]);
      const row = {
        symbol,
        ts,
        price: parsePrice(record[at.price], "price"),
        size: parseCount(record[at.size], "size"),
      };
      const previous = rows.at(-1);
      if (previous && ts < previous.ts) {
        throw new RowError(
          `ts ${showCell(record[at.ts]!)} comes before the previous row's: rows must be in time order`,
        );
      }
      rows.push(row);
    } catch (error) {
      if (error instanceof RowError) throw new Error(`tape ${file} line ${line}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  if (rows.length === 0) throw new Error(`tape ${file}: no rows after the header`);
  return rows;
}
