/** One labelled headline: the text and the symbols it names. */
export interface LabelledHeadline {
  text: string;
  expected: string[];
}

export interface TaggerScore {
  headlines: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** The headlines tagged wrong, with what was expected and what came out. */
  errors: { text: string; expected: string[]; got: string[] }[];
}

/** Reads a corpus file: `SYMBOLS<TAB>HEADLINE` lines ("-" for none), `#` comments. */
export function readCorpus(tsv: string): LabelledHeadline[] {
  return tsv
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line, n) => {
      const tab = line.indexOf("\t");
      if (tab < 0) throw new Error(`corpus line ${n + 1}: expected SYMBOLS<TAB>HEADLINE`);
      const symbols = line.slice(0, tab).trim();
      return { text: line.slice(tab + 1), expected: symbols === "-" ? [] : symbols.split(",") };
    });
}

/** Micro-averaged precision and recall of a tagger over (headline, symbol) pairs. */
export function scoreTagger(tag: (text: string) => string[], corpus: readonly LabelledHeadline[]): TaggerScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: TaggerScore["errors"] = [];
  for (const { text, expected } of corpus) {
    const got = tag(text);
    const hits = got.filter((s) => expected.includes(s)).length;
    tp += hits;
    fp += got.length - hits;
    fn += expected.length - hits;
    if (hits !== got.length || hits !== expected.length) errors.push({ text, expected, got });
  }
  return {
    headlines: corpus.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    // No tags at all is a precision of 1: nothing claimed, nothing wrong.
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    errors,
  };
}
