import { decodeEntities } from "./decode-entities";

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/**
 * The text of an element kept raw by the XML parser: CDATA sections taken literally,
 * character references decoded everywhere else. For a feed's description this is the
 * HTML the publisher meant, ready for stripHtml.
 */
export function xmlText(raw: string): string {
  let out = "";
  let at = 0;
  for (const match of raw.matchAll(CDATA)) {
    out += decodeEntities(raw.slice(at, match.index)) + (match[1] ?? "");
    at = match.index + match[0].length;
  }
  return out + decodeEntities(raw.slice(at));
}
