import { RETURN_WINDOWS } from "../../contract/model";
import type { ScenarioReport } from "./run-scenario";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)}%`;

/** The report as a table a person reads in a terminal. */
export function formatReport(report: ScenarioReport, seconds: number): string {
  const lines: string[] = [];
  lines.push(
    `Scenario ${report.name}: ${report.ticks.toLocaleString("en-US")} ticks in ${seconds.toFixed(1)} s, digest ${report.digest.slice(0, 16)}…`,
  );
  lines.push("");
  const header = ["news", "ticker", "t0 (KST)", "pre", ...RETURN_WINDOWS, "CAR", "t", "peak", "confounded"];
  const rows = report.reactions.map((r) => [
    r.newsId,
    r.symbol,
    new Date(Date.parse(r.t0) + 9 * 3_600_000).toISOString().slice(0, 16).replace("T", " "),
    r.preEventPrice.toLocaleString("en-US"),
    ...RETURN_WINDOWS.map((w) => pct(r.returns[w])),
    pct(r.abnormal?.car),
    r.abnormal ? r.abnormal.tStat.toFixed(2) : "—",
    pct(r.peakMove),
    r.confounded ? "yes" : "no",
  ]);
  lines.push(...table([header, ...rows]));
  if (report.reactions.length === 0) lines.push("(no headlines, no reactions)");
  lines.push("");
  for (const e of report.expectations) {
    const bounds = [
      e.minReturn !== undefined && `return ≥ ${pct(e.minReturn)}`,
      e.maxReturn !== undefined && `return ≤ ${pct(e.maxReturn)}`,
      e.minAbnormal !== undefined && `abnormal ≥ ${pct(e.minAbnormal)}`,
      e.maxAbnormal !== undefined && `abnormal ≤ ${pct(e.maxAbnormal)}`,
    ].filter(Boolean);
    const actual = `return ${pct(e.actual.return)}, abnormal ${pct(e.actual.abnormal)}`;
    lines.push(
      `${e.passed ? "PASS" : "FAIL"}  news[${e.news}] ${e.symbol} ${e.window}: ${bounds.join(", ")} — ${actual}${e.reason ? ` (${e.reason})` : ""}`,
    );
  }
  for (const e of report.studies) {
    const bounds = [
      e.minCaar !== undefined && `CAAR ≥ ${pct(e.minCaar)}`,
      e.maxCaar !== undefined && `CAAR ≤ ${pct(e.maxCaar)}`,
    ].filter(Boolean);
    const actual = `CAAR ${pct(e.actual.caar)} over ${e.actual.n} of ${e.actual.events} headlines`;
    lines.push(
      `${e.passed ? "PASS" : "FAIL"}  study "${e.q}" ${e.symbol} ${e.window}: ${bounds.join(", ")} — ${actual}${e.reason ? ` (${e.reason})` : ""}`,
    );
  }
  const checked = [...report.expectations, ...report.studies];
  const failed = checked.filter((e) => !e.passed).length;
  lines.push(`${checked.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
}
