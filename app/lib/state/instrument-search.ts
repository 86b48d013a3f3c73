import { getChoseong } from "es-hangul";
import type { Instrument } from "../../../contract/model";

const CHOSEONG_ONLY = /^[ㄱ-ㅎ]+$/;

/**
 * Instruments matching a search: by symbol or code, English name or alias, Korean name,
 * or the initial consonants of the Korean name (초성: ㅅㅅㅈㅈ finds 삼성전자). Symbol and
 * name prefixes first, then the rest in the universe's order.
 */
export function searchInstruments(universe: readonly Instrument[], query: string, limit = 8): Instrument[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const compact = q.replace(/\s+/g, "");
  const score = (i: Instrument): number => {
    const names = [i.name, i.nameKo, ...i.aliases].map((n) => n.toLowerCase());
    if (i.symbol.toLowerCase().startsWith(q) || names.some((n) => n.startsWith(q))) return 2;
    if (names.some((n) => n.includes(q)) || i.symbol.toLowerCase().includes(q)) return 1;
    if (CHOSEONG_ONLY.test(compact) && getChoseong(i.nameKo.replace(/\s+/g, "")).includes(compact)) return 1;
    return 0;
  };
  return universe
    .map((i, n) => ({ i, n, s: score(i) }))
    .filter((r) => r.s > 0)
    .sort((a, b) => b.s - a.s || a.n - b.n)
    .slice(0, limit)
    .map((r) => r.i);
}
