import { XMLParser } from "fast-xml-parser";
import { ImportError } from "./import-errors";
import { stripHtml, stripHtmlLine } from "./strip-html";
import { xmlText } from "./xml-text";

/** One entry of an RSS 2.0 or Atom feed, as plain text. */
export interface FeedEntry {
  headline: string;
  body: string;
  /** ISO 8601, or null when the entry has no date that parses. */
  publishedAt: string | null;
  /** The date as the feed wrote it, for messages. */
  rawDate: string | null;
  /** The entry's link when it is http(s), else null. */
  url: string | null;
}

/** A feed's format, its title (the news source) and its entries. */
export interface Feed {
  format: "rss" | "atom";
  title: string;
  entries: FeedEntry[];
}

// Text-bearing elements are kept raw (not parsed as XML): their content is HTML, escaped
// or in CDATA, or XHTML inline, and xmlText + stripHtml turn every form into plain text.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  stopNodes: ["..title", "..description", "..summary", "..content", "..content:encoded"],
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

type Node = unknown;

/** The text of a parsed node: a string, or the `#text` of an element with attributes. */
function raw(node: Node): string {
  if (Array.isArray(node)) return raw(node[0]);
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node) return String(node["#text"]);
  return "";
}

const field = (node: Node, name: string): Node =>
  node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, Node>)[name] : undefined;

function list(node: Node): Node[] {
  if (node === undefined || node === null || node === "") return [];
  return Array.isArray(node) ? node : [node];
}

function httpUrl(text: string): string | null {
  const value = text.trim();
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === "http:" || url.protocol === "https:" ? value : null;
}

function date(rawDate: string): string | null {
  const ms = Date.parse(rawDate);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function entryOf(headline: Node, body: Node, dateNode: Node, url: string | null): FeedEntry {
  const rawDate = raw(dateNode).trim() || null;
  return {
    headline: stripHtmlLine(xmlText(raw(headline))),
    body: stripHtml(xmlText(raw(body))),
    publishedAt: rawDate === null ? null : date(rawDate),
    rawDate,
    url,
  };
}

function rssEntries(channel: Node): FeedEntry[] {
  return list(field(channel, "item")).map((item) => {
    const link = list(field(item, "link")).map(raw).map(httpUrl).find((u) => u !== null) ?? null;
    // The fullest text the feed offers: content:encoded carries the article, description often a teaser.
    const body = field(item, "content:encoded") ?? field(item, "description");
    return entryOf(field(item, "title"), body, field(item, "pubDate") ?? field(item, "dc:date"), link);
  });
}

function atomLink(entry: Node): string | null {
  const links = list(field(entry, "link"));
  const href = (l: Node) => httpUrl(raw(field(l, "@_href")));
  const alternate = links.filter((l) => (field(l, "@_rel") ?? "alternate") === "alternate");
  return [...alternate, ...links].map(href).find((u) => u !== null) ?? null;
}

function atomEntries(feed: Node): FeedEntry[] {
  return list(field(feed, "entry")).map((entry) => {
    const body = field(entry, "content") ?? field(entry, "summary");
    return entryOf(field(entry, "title"), body, field(entry, "published") ?? field(entry, "updated"), atomLink(entry));
  });
}

/** Reads an RSS 2.0 or Atom document; anything else, or XML that is not well formed, is fatal. */
export function readFeed(xml: string): Feed {
  let doc: Node;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    const err = (error as { err?: { msg?: string; line?: number } }).err;
    const where = err?.line ? ` (line ${err.line})` : "";
    throw new ImportError(`not well-formed XML${where}: ${err?.msg ?? (error as Error).message}`);
  }
  const channel = field(field(doc, "rss"), "channel");
  if (channel !== undefined) {
    return { format: "rss", title: stripHtmlLine(xmlText(raw(field(channel, "title")))), entries: rssEntries(channel) };
  }
  const feed = field(doc, "feed");
  if (feed !== undefined) {
    return { format: "atom", title: stripHtmlLine(xmlText(raw(field(feed, "title")))), entries: atomEntries(feed) };
  }
  const root = Object.keys((doc ?? {})).find((k) => !k.startsWith("?"));
  throw new ImportError(`not an RSS 2.0 or Atom feed (root element <${root ?? "none"}>)`);
}
