import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHIPPED_INSTRUMENTS } from "../instruments";
import { type TaggerScore, readCorpus, scoreTagger } from "./evaluate-tagger";
import { createTagger } from "./tag-tickers";

const read = (name: string) => readCorpus(readFileSync(new URL(`./corpus/${name}`, import.meta.url), "utf8"));
const korean = read("headlines-ko.tsv");
const english = read("headlines-en.tsv");
const tag = createTagger(SHIPPED_INSTRUMENTS);

function report(label: string, score: TaggerScore): void {
  const line = `${label}: ${score.headlines} headlines, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`;
  console.log(
    [
      line,
      ...score.errors.map((e) => `  ${e.text} -> expected [${e.expected.join(",")}] got [${e.got.join(",")}]`),
    ].join("\n"),
  );
}

describe("the tagger on the labelled corpus", () => {
  it("holds at least 200 headlines, half Korean, half English", () => {
    expect(korean.length + english.length).toBeGreaterThanOrEqual(200);
    expect(korean.length).toBeGreaterThanOrEqual(100);
    expect(english.length).toBeGreaterThanOrEqual(100);
    const known = new Set(SHIPPED_INSTRUMENTS.map((i) => i.symbol));
    for (const { expected } of [...korean, ...english]) for (const s of expected) expect(known.has(s), s).toBe(true);
  });

  it("reaches precision 0.97 and recall 0.95, in each language and overall", () => {
    const ko = scoreTagger(tag, korean);
    const en = scoreTagger(tag, english);
    const all = scoreTagger(tag, [...korean, ...english]);
    report("Korean", ko);
    report("English", en);
    report("All", all);
    for (const score of [ko, en, all]) {
      expect(score.precision).toBeGreaterThanOrEqual(0.97);
      expect(score.recall).toBeGreaterThanOrEqual(0.95);
    }
    // Generous: a busy machine runs it several times slower than an idle one.
  }, 60_000);
});
