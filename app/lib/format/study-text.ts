import type { StudyTest } from "../../../contract/model";

/** A test's verdict in plain words: the strictest of 1%, 5%, 10% it passes. */
export function verdictOf(test: StudyTest): string {
  if (test.pValue === null) return "not enough events";
  if (test.pValue < 0.01) return "significant at 1%";
  if (test.pValue < 0.05) return "significant at 5%";
  if (test.pValue < 0.1) return "significant at 10%";
  return "not significant";
}

/**
 * A study window in words: intraday windows as they are ("15m"), daily ones in trading days
 * around day 0 ("day 0", "days −1…+1", "days 0…+20").
 */
export function windowLabel(resolution: "intraday" | "daily", window: string): string {
  if (resolution === "intraday") return window;
  const signed = (k: string) => (Number(k) > 0 ? `+${k}` : k.replace("-", "−"));
  const [from, to] = window.split("..");
  return to === undefined ? `day ${signed(from!)}` : `days ${signed(from!)}…${signed(to)}`;
}

/** A sentence-ready verdict of the cross-sectional t-test on a window. */
export function tTestSentence(test: StudyTest): string {
  const verdict = verdictOf(test);
  return verdict === "not enough events"
    ? "too few events for the cross-sectional t-test"
    : `the cross-sectional t-test calls that ${verdict}`;
}

const STOP = new Set(
  "the and for with from that this into over after before amid says said will would could shares stock stocks report reports new more than its their about".split(
    " ",
  ),
);

/**
 * Key terms of a headline for "study headlines like this one": up to three of its
 * longest words (Korean words of two or more syllables, other words of four or more
 * letters), tickers and common words left out, joined by OR.
 */
export function keyTermsQuery(headline: string): string {
  const words = headline
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => !/^\d/.test(w))
    .filter((w) => (/\p{Script=Hangul}/u.test(w) ? w.length >= 2 : w.length >= 4 && !STOP.has(w.toLowerCase())));
  const unique = [...new Map(words.map((w) => [w.toLowerCase(), w])).values()];
  return unique
    .sort((a, b) => b.length - a.length)
    .slice(0, 3)
    .map((w) => w.toLowerCase())
    .join(" OR ");
}
