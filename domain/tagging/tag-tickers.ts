import type { Instrument } from "../../contract/model";

// KRX codes as newswires print them: six digits and the board (.KS main, .KQ KOSDAQ).
const KRX_SYMBOL = /(?<![\w.])(\d{6}\.K[SQ])(?![\w])/g;

// An alias is a whole-word match; "Hyundai Motor Group" is the conglomerate, not the
// listed carmaker, so a name followed by "Group" does not count.
function aliasPattern(alias: string): RegExp {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])(?!\\s+Group)`, "iu");
}

/** A tagger over a fixed set of instruments: compile once, tag many texts. */
export function createTagger(instruments: readonly Instrument[]): (...texts: string[]) => string[] {
  const known = new Map(instruments.map((i) => [i.symbol, i]));
  const patterns = instruments.map((i) => ({ symbol: i.symbol, patterns: [i.name, ...i.aliases].map(aliasPattern) }));
  return (...texts) => {
    const text = texts.join("\n");
    const found = new Set<string>();
    for (const match of text.matchAll(KRX_SYMBOL)) {
      const symbol = match[1];
      if (symbol && known.has(symbol)) found.add(symbol);
    }
    for (const { symbol, patterns: list } of patterns) {
      if (!found.has(symbol) && list.some((p) => p.test(text))) found.add(symbol);
    }
    // Stable order: the instruments' own order, so the same text always tags the same list.
    return instruments.map((i) => i.symbol).filter((s) => found.has(s));
  };
}
