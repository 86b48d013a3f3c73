import type { Study, StudyTest } from "../../contract/model";
import { verdictOf } from "../../app/lib/format/study-text";

const TESTS = [
  ["crossSectionalT", "t"],
  ["patellZ", "Patell Z"],
  ["bmp", "BMP t"],
  ["corradoRank", "Corrado"],
  ["generalizedSign", "sign"],
] as const;

const pct = (x: number | null) => (x === null ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`);

// "2.31 (5%)": the statistic and the strictest level it is significant at, as on the page.
function cell(test: StudyTest): string {
  if (test.statistic === null) return "—";
  const verdict = verdictOf(test);
  const level = verdict.startsWith("significant at ") ? verdict.slice("significant at ".length) : "n.s.";
  return `${test.statistic.toFixed(2)} (${level})`;
}

/** A study as a terminal table: one row per window with the CAAR, positives and each test. */
export function formatStudy(study: Study): string {
  const excluded = study.events.filter((e) => !e.included);
  const lines = [
    `Study of ${study.symbol} (${study.resolution}, benchmark ${study.benchmark}): ` +
      `${study.events.length} headline${study.events.length === 1 ? "" : "s"}, ${study.n} included`,
    "",
  ];
  const header = ["window", "CAAR", "positive", ...TESTS.map(([, label]) => label)];
  const rows = study.windows.map((w) => [
    w.window,
    pct(w.caar),
    `${w.positive}/${study.n}`,
    ...TESTS.map(([key]) => cell(w.tests[key])),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  for (const r of [header, ...rows])
    lines.push(
      r
        .map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!)))
        .join("  ")
        .trimEnd(),
    );
  lines.push("", "(n.s. = not significant at 10%; levels are two-sided p-values)");
  if (excluded.length > 0) {
    lines.push("", `${excluded.length} left out:`);
    for (const e of excluded) lines.push(`  ${e.newsId} ${e.t0}: ${e.reason ?? "left out"}`);
  }
  return lines.join("\n");
}
