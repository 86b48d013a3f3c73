import { decodeEntities } from "./decode-entities";

// Elements whose content is code or furniture, not prose: dropped with everything inside.
const HIDDEN = "script|style|noscript|template|iframe|object|embed|svg|math|head|title|select|textarea";
const HIDDEN_BLOCK = new RegExp(`<(${HIDDEN})\\b[^>]*>[\\s\\S]*?(?:<\\/\\1\\s*>|$)`, "gi");
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const BREAK_TAG = /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|blockquote|section|article|header|footer|aside|figure|figcaption|pre)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^>]*>|<![^>]*>|<\?[^>]*>/g;
const HAS_TAG = new RegExp(ANY_TAG.source);
const UNCLOSED_TAG = /<\/?[A-Za-z][^>]*$/;
// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

// Feeds that escape twice hand over `&lt;p&gt;` as text: a tag appears only after
// decoding, so strip and decode again; three rounds cover every feed seen in the wild.
const MAX_ROUNDS = 3;

function stripOnce(html: string): string {
  return decodeEntities(
    html
      .replace(COMMENT, " ")
      .replace(HIDDEN_BLOCK, " ")
      .replace(BREAK_TAG, "\n")
      .replace(ANY_TAG, "")
      .replace(UNCLOSED_TAG, ""),
  );
}

/** Plain text from an HTML fragment: no tags, no script or style content, entities decoded. */
export function stripHtml(html: string): string {
  let text = stripOnce(html);
  for (let round = 1; round < MAX_ROUNDS && HAS_TAG.test(text); round++) text = stripOnce(text);
  // Whatever still looks like a tag after that is dropped rather than kept as markup.
  text = text.replace(ANY_TAG, "").replace(CONTROL, "");
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** One line of plain text, for headlines and source names. */
export function stripHtmlLine(html: string): string {
  return stripHtml(html).replace(/\s+/g, " ");
}
