import { describe, expect, it } from "vitest";
import { barToTicks } from "../../../server/import/bars-to-ticks";
import { detectFormat } from "../../../server/import/csv-format";
import { newsIdOf } from "../../../server/import/news-id";
import { parseCount, parsePrice } from "../../../server/import/parse-cell";
import { htmlToText as stripHtml } from "../../../server/import/html-text";

// The pure parts of the importer; they live with its integration tests, where the
// importer's tests run.
describe("barToTicks", () => {
  const window = { start: 0, end: 60_000 };

  it("puts the extreme nearer the open first and splits the volume 25% each", () => {
    expect(barToTicks({ open: 100, high: 110, low: 98, close: 105, volume: 10 }, window)).toEqual([
      { ts: 0, price: 100, size: 2 },
      { ts: 20_000, price: 98, size: 2 },
      { ts: 40_000, price: 110, size: 2 },
      { ts: 59_000, price: 105, size: 4 },
    ]);
    expect(barToTicks({ open: 100, high: 101, low: 90, close: 95, volume: 3 }, window).map((t) => [t.price, t.size])).toEqual([
      [100, 0],
      [101, 0],
      [90, 0],
      [95, 3],
    ]);
  });
});

describe("cells", () => {
  it("accepts plain decimals only", () => {
    expect(parsePrice("215000", "Open")).toBe(215_000);
    expect(parsePrice("3801.25", "Close")).toBe(3801.25);
    expect(parseCount("1234.0", "Volume")).toBe(1234);
    for (const cell of ["=1+1", "+1", "-1+1", "@SUM(A1)", "\t1", "|calc", "1e3", "0x10", " 1", "Infinity", "NaN"]) {
      expect(() => parsePrice(cell, "Open"), cell).toThrow();
    }
    expect(() => parsePrice("-5", "Open")).toThrow(/negative/);
  });
});

describe("detectFormat", () => {
  it("knows Yahoo (Date or Datetime, any case and order) and ts,price,size", () => {
    expect(detectFormat(["Datetime", "Open", "High", "Low", "Close", "Adj Close", "Volume"])).toMatchObject({ kind: "yahoo", date: 0, volume: 6 });
    expect(detectFormat(["volume", "close", "low", "high", "open", "date"])).toMatchObject({ kind: "yahoo", date: 5, open: 4 });
    expect(detectFormat(["size", "ts", "price"])).toEqual({ kind: "ticks", ts: 1, price: 2, size: 0 });
    expect(() => detectFormat(["ts", "price"])).toThrow(/missing column size/);
    expect(() => detectFormat(["Date", "Close"])).toThrow(/missing columns Open, High, Low, Volume/);
  });
});

describe("htmlToText", () => {
  it("drops tags, comments, script and style content; decodes entities; keeps paragraphs", () => {
    expect(stripHtml("<p>A &amp; B</p><!-- x --><script>evil()</script><style>p{}</style><p>C&nbsp;D &#x2014; &#8364;5</p>")).toBe(
      "A & B\n\nC D — €5",
    );
  });

  it("strips markup that only appears after decoding (double-escaped feeds)", () => {
    expect(stripHtml("&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;text")).toBe("bold text");
  });

  it("keeps text that merely contains < and >", () => {
    expect(stripHtml("if a < b and c > d")).toBe("if a < b and c > d");
    expect(stripHtml("unclosed <script>evil(")).toBe("unclosed");
  });

  it("decodes named and numeric entities", () => {
    expect(stripHtml("&amp;lt; &#x2014; &rsquo;")).toBe("&lt; — ’");
  });
});

describe("newsIdOf", () => {
  it("is stable and depends on every field", () => {
    const item = { source: "s", url: null, headline: "h", publishedAt: "2025-10-22T04:07:00.000Z" };
    expect(newsIdOf(item)).toBe(newsIdOf({ ...item }));
    expect(newsIdOf(item)).toMatch(/^[0-9a-f]{32}$/);
    expect(newsIdOf({ ...item, url: "https://x" })).not.toBe(newsIdOf(item));
    expect(newsIdOf({ ...item, source: "s|h", headline: "" })).not.toBe(newsIdOf({ ...item, source: "s", headline: "h|" }));
  });
});
