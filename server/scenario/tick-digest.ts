import { createHash } from "node:crypto";
import type { Tick } from "../../contract/model";
import { groupBySymbol } from "../../domain/ticks/group-by-symbol";

/**
 * SHA-256 over one `symbol,ts,price,size,seq` line per tick, in seq order per symbol,
 * symbols sorted: the fingerprint that says two runs produced the same ticks.
 */
export function tickDigest(ticks: Iterable<Tick>): string {
  const bySymbol = groupBySymbol(ticks);
  const hash = createHash("sha256");
  for (const [, ticksOfSymbol] of [...bySymbol].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = ticksOfSymbol.sort((a, b) => a.seq - b.seq);
    for (const t of list) hash.update(`${t.symbol},${t.ts},${t.price},${t.size},${t.seq}\n`);
  }
  return hash.digest("hex");
}
