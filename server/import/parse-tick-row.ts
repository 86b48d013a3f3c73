import { parseTime } from "../../contract/time-param";
import type { Trade } from "../store/store";
import type { TicksFormat } from "./csv-format";
import { RowError } from "./import-errors";
import { parseCount, parsePrice, requireCell, showCell } from "./parse-cell";

const EPOCH_MS = /^\d{1,15}$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Reads the ts cell: epoch milliseconds or ISO 8601 with its UTC offset. */
export function parseTickTime(cell: string | undefined): number {
  const text = requireCell(cell, "ts");
  if (EPOCH_MS.test(text)) {
    const ms = parseTime(Number(text));
    if (ms === null) throw new RowError(`ts ${showCell(text)} is not epoch milliseconds between 1990 and 2100`);
    return ms;
  }
  if (!HAS_OFFSET.test(text)) {
    throw new RowError(`ts ${showCell(text)} needs a UTC offset (e.g. 2025-10-22T09:00:01+09:00) or epoch ms`);
  }
  const ms = parseTime(text);
  if (ms === null) throw new RowError(`ts ${showCell(text)} is not a time`);
  return ms;
}

/** Reads a whole tick row whose time `ts` is already known. */
export function parseTickRow(record: readonly string[], format: TicksFormat, ts: number): Trade {
  return { ts, price: parsePrice(record[format.price], "price"), size: parseCount(record[format.size], "size") };
}
