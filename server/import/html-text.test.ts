import { describe, expect, it } from "vitest";
import { htmlToText as stripHtml } from "./html-text";

describe("htmlToText", () => {
  it("drops tags, comments, script and style content; decodes entities; keeps paragraphs", () => {
    expect(
      stripHtml("<p>A &amp; B</p><!-- x --><script>evil()</script><style>p{}</style><p>C&nbsp;D &#x2014; &#8364;5</p>"),
    ).toBe("A & B\n\nC D — €5");
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
