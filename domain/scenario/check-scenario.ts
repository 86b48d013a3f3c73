import type { Scenario } from "../../contract/scenario";
import type { KrxCalendar } from "../market/krx-calendar";

/** A rule the schema alone cannot check, broken: where (a JSON path) and what. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

/** Cross-field rules: symbols that exist, times inside the range and the KRX session. */
export function checkScenario(scenario: Scenario, calendar: KrxCalendar): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const symbols = new Set(scenario.instruments.map((i) => i.symbol));
  const iso = (ms: number) => new Date(ms).toISOString();
  if (new Set(scenario.instruments.map((i) => i.symbol)).size !== scenario.instruments.length) {
    problems.push({ path: "instruments", message: "a symbol is listed twice" });
  }
  if (!symbols.has(scenario.benchmark)) {
    problems.push({ path: "benchmark", message: `${scenario.benchmark} is not among the instruments` });
  }
  if (scenario.end <= scenario.start) problems.push({ path: "end", message: "is not after start" });
  scenario.news.forEach((news, i) => {
    if (news.at < scenario.start || news.at > scenario.end) {
      problems.push({ path: `news[${i}].at`, message: `${iso(news.at)} is outside the scenario's range` });
    } else if (!calendar.sessionAt(news.at)) {
      problems.push({
        path: `news[${i}].at`,
        message: `${iso(news.at)} is outside the KRX session (09:00–15:30 KST on trading days)`,
      });
    }
    for (const symbol of Object.keys(news.impact)) {
      if (!symbols.has(symbol))
        problems.push({ path: `news[${i}].impact.${symbol}`, message: "unknown symbol (not among the instruments)" });
    }
  });
  scenario.expect.forEach((e, i) => {
    if (e.news >= scenario.news.length)
      problems.push({ path: `expect[${i}].news`, message: `there is no news[${e.news}]` });
    if (!symbols.has(e.symbol)) problems.push({ path: `expect[${i}].symbol`, message: `unknown symbol ${e.symbol}` });
  });
  const stocks = scenario.instruments.filter((i) => i.symbol !== scenario.benchmark);
  scenario.studies.forEach((e, i) => {
    if (e.symbol === undefined) {
      if (stocks.length !== 1) {
        problems.push({
          path: `studies[${i}].symbol`,
          message: `needed: the scenario has ${stocks.length} stocks besides the benchmark`,
        });
      }
    } else if (!symbols.has(e.symbol))
      problems.push({ path: `studies[${i}].symbol`, message: `unknown symbol ${e.symbol}` });
  });
  return problems;
}

/** The symbol a study expectation is about: its own, or the scenario's one stock. */
export function studySymbol(scenario: Scenario, e: Scenario["studies"][number]): string {
  return e.symbol ?? scenario.instruments.find((i) => i.symbol !== scenario.benchmark)?.symbol ?? scenario.benchmark;
}
