import type { AmbiguousName, Instrument } from "../../contract/model";
import { mentions, namePattern, particleFits } from "./name-pattern";

// KRX codes as newswires print them: six digits, with or without the board (.KS main,
// .KQ KOSDAQ), any case, alone or in brackets: 005380, 005380.ks, 기아(000270).
const KRX_CODE = /(?<![\p{L}\p{N}.,])(\d{6})(?:\.(K[SQ]))?(?![\p{L}\p{N}]|\.[\p{L}\p{N}])/giu;

interface Name {
  text: string;
  pattern: RegExp;
  /** null for a lookalike: a phrase that contains a name but names something else. */
  symbol: string | null;
  condition?: AmbiguousName;
}

interface Hit {
  start: number;
  end: number;
  symbol: string | null;
}

function namesOf(instrument: Instrument): Name[] {
  const ambiguous = new Map((instrument.ambiguous ?? []).map((a) => [a.name.toLowerCase(), a]));
  const plain = [...new Set([instrument.name, instrument.nameKo, ...instrument.aliases])].filter(
    (n) => n && !ambiguous.has(n.toLowerCase()),
  );
  // An index is also written as its symbol: ^KS11.
  if (instrument.kind === "index") plain.push(instrument.symbol);
  return [
    ...plain.map((text) => ({ text, pattern: namePattern(text), symbol: instrument.symbol })),
    ...[...ambiguous.values()].map((a) => ({
      text: a.name,
      pattern: namePattern(a.name),
      symbol: instrument.symbol,
      condition: a,
    })),
    ...(instrument.lookalikes ?? []).map((text) => ({ text, pattern: namePattern(text, true), symbol: null })),
  ];
}

function holds(condition: AmbiguousName | undefined, text: string): boolean {
  if (!condition) return true;
  if (condition.unless?.some((w) => mentions(text, w))) return false;
  return !condition.needs || condition.needs.some((w) => mentions(text, w));
}

/**
 * A tagger over a fixed set of instruments: compile once, tag many texts. Codes count when
 * the instrument is known; names count as whole words (Korean particles allowed after
 * them), the longest name wins where names overlap (현대모비스 over 현대, Samsung Biologics
 * over Samsung), lookalikes (Hyundai Motor Group, KIA Tigers) name nothing, and an
 * ambiguous name needs its context (기아 is also famine, bare "Samsung" is a group).
 */
export function createTagger(instruments: readonly Instrument[]): (...texts: string[]) => string[] {
  const known = new Set(instruments.map((i) => i.symbol));
  const byCode = new Map<string, string>();
  for (const { symbol } of instruments) {
    const code = /^(\d{6})\.K[SQ]$/.exec(symbol)?.[1];
    if (code && !byCode.has(code)) byCode.set(code, symbol);
  }
  const names = instruments.flatMap(namesOf);

  return (...texts) => {
    const text = texts.join("\n");
    const found = new Set<string>();
    for (const match of text.matchAll(KRX_CODE)) {
      const [, code = "", board] = match;
      const symbol = board ? `${code}.${board.toUpperCase()}` : byCode.get(code);
      if (symbol && known.has(symbol)) found.add(symbol);
    }
    const hits: Hit[] = [];
    for (const name of names) {
      if (!holds(name.condition, text)) continue;
      for (const match of text.matchAll(name.pattern)) {
        if (name.symbol && !particleFits(name.text, match[1])) continue;
        hits.push({ start: match.index, end: match.index + match[0].length, symbol: name.symbol });
      }
    }
    // Longest first; a shorter name inside a longer one's span does not count.
    hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken: Hit[] = [];
    for (const hit of hits) {
      if (taken.some((t) => hit.start < t.end && t.start < hit.end)) continue;
      taken.push(hit);
      if (hit.symbol) found.add(hit.symbol);
    }
    // Stable order: the instruments' own order, so the same text always tags the same list.
    return instruments.map((i) => i.symbol).filter((s) => found.has(s));
  };
}
