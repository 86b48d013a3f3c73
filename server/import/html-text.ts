import { convert } from "html-to-text";

// Links keep their words, not their addresses; images and furniture say nothing.
const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "iframe", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "table", format: "block" },
  ],
};
const HAS_TAG = /<\/?[A-Za-z][^>]*>/;
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Plain text from an HTML fragment (html-to-text): no tags, no script or style, entities
 * decoded, paragraphs kept. Feeds that escape twice hand over `&lt;p&gt;` as text, so a
 * result that still holds tags is converted once more.
 */
export function htmlToText(html: string): string {
  let text = convert(html, OPTIONS);
  if (HAS_TAG.test(text)) text = convert(text, OPTIONS);
  return text
    .replace(CONTROL, "")
    .replace(/[^\S\n]+/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** One line of plain text, for headlines and source names. */
export function htmlToLine(html: string): string {
  return htmlToText(html).replace(/\s+/g, " ");
}
