/**
 * A text query over headline and body: words (or "quoted phrases") that must all appear,
 * alternatives joined by OR. Case-insensitive, Unicode-normalised, substring matching so
 * that "tariff" finds "tariffs" and 관세 finds 관세를 (Korean attaches particles).
 */
export interface HeadlineQuery {
  /** Any group matches when every one of its terms does. Empty: everything matches. */
  groups: string[][];
}

const normalise = (text: string) => text.normalize("NFKC").toLowerCase();

/** Reads `q`; an empty or blank query matches every headline. */
export function parseHeadlineQuery(q: string): HeadlineQuery {
  const groups: string[][] = [[]];
  for (const match of normalise(q).matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = match[1];
    const word = match[2];
    if (word === "or" || word === "|") {
      groups.push([]);
      continue;
    }
    const term = (phrase ?? word ?? "").trim();
    if (term) groups[groups.length - 1]!.push(term);
  }
  return { groups: groups.filter((g) => g.length > 0) };
}

/** True when the headline or body holds every term of some group. */
export function matchesHeadline(query: HeadlineQuery, item: { headline: string; body: string }): boolean {
  if (query.groups.length === 0) return true;
  const text = normalise(`${item.headline}\n${item.body}`);
  return query.groups.some((group) => group.every((term) => text.includes(term)));
}
