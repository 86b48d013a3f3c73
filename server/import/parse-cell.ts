import { RowError } from "./import-errors";

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
// Spreadsheets evaluate cells that start with these (CSV injection). We never evaluate
// anything, and no number this importer accepts starts with one, so such a cell is
// rejected outright rather than read as text that happens to look numeric.
const FORMULA_START = /^[=+\-@\t\r|]/;
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/** A cell as it may be echoed to a terminal: quoted, escaped, cut short. */
export function showCell(cell: string): string {
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
}

/** The cell's text, or a RowError for the cells no column of ours can hold. */
export function requireCell(cell: string | undefined, column: string): string {
  if (cell === undefined || cell === "") throw new RowError(`${column} is empty`);
  if (cell.toLowerCase() === "null") {
    throw new RowError(`${column} is null (Yahoo writes these for days without trading)`);
  }
  if (NEGATIVE_NUMBER.test(cell)) throw new RowError(`${column} ${showCell(cell)} is negative`);
  if (FORMULA_START.test(cell)) {
    throw new RowError(`${column} ${showCell(cell)} looks like a spreadsheet formula (never evaluated)`);
  }
  return cell;
}

function plainNumber(cell: string | undefined, column: string): number {
  const text = requireCell(cell, column);
  if (!PLAIN_NUMBER.test(text)) throw new RowError(`${column} ${showCell(text)} is not a number`);
  return Number(text);
}

/** A price: a plain decimal above zero. */
export function parsePrice(cell: string | undefined, column: string): number {
  const value = plainNumber(cell, column);
  if (!(value > 0) || !Number.isFinite(value))
    throw new RowError(`${column} ${showCell(cell ?? "")} is not a price above 0`);
  return value;
}

/** A share count: a whole number, zero allowed (pandas may write it as `1234.0`). */
export function parseCount(cell: string | undefined, column: string): number {
  const value = plainNumber(cell, column);
  if (!Number.isSafeInteger(value)) throw new RowError(`${column} ${showCell(cell ?? "")} is not a whole number`);
  return value;
}
