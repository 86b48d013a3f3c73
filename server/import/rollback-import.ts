import type { TickStore } from "../store/store";
import { ImportError, describeError } from "./import-errors";

/**
 * Undoes an import that failed part way: deletes the ticks of `symbol` numbered after
 * `startSeq`, the last seq before the import began. Only safe while nothing else writes
 * ticks for `symbol`, which is why the import wants the live feed for it off.
 */
export async function rollbackImport(ticks: TickStore, symbol: string, startSeq: number): Promise<number> {
  try {
    return await ticks.deleteAfter(symbol, startSeq);
  } catch (error) {
    throw new ImportError(
      `undoing the partial import failed (${describeError(error)}): ` +
        `delete the ticks of ${symbol} with seq > ${startSeq} by hand`,
      true,
    );
  }
}
