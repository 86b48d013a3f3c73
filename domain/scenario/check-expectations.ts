import type { Reaction, Study } from "../../contract/model";
import type { ScenarioExpectation, ScenarioStudyExpectation } from "../../contract/scenario";

/** An expectation with what was measured. */
export type CheckedExpectation = ScenarioExpectation & {
  actual: { return: number | null; abnormal: number | null };
  passed: boolean;
  /** Why it failed, in words; absent when it passed. */
  reason?: string;
};

/** Checks each expectation against the reactions of its headline (`newsIds[i]` = news i). */
export function checkExpectations(
  expectations: readonly ScenarioExpectation[],
  newsIds: readonly string[],
  reactions: readonly Reaction[],
): CheckedExpectation[] {
  return expectations.map((e) => {
    const reaction = reactions.find((r) => r.newsId === newsIds[e.news] && r.symbol === e.symbol);
    const actual = {
      return: reaction?.returns[e.window] ?? null,
      abnormal: reaction?.abnormalReturns?.[e.window] ?? null,
    };
    const failures: string[] = [];
    const bound = (value: number | null, min: number | undefined, max: number | undefined, what: string) => {
      if (min === undefined && max === undefined) return;
      if (value === null) failures.push(`${what} over ${e.window} is not known`);
      else if (min !== undefined && value < min) failures.push(`${what} ${pct(value)} < min ${pct(min)}`);
      else if (max !== undefined && value > max) failures.push(`${what} ${pct(value)} > max ${pct(max)}`);
    };
    if (!reaction) failures.push(`no reaction of ${e.symbol} to news[${e.news}]`);
    else {
      bound(actual.return, e.minReturn, e.maxReturn, "return");
      bound(actual.abnormal, e.minAbnormal, e.maxAbnormal, "abnormal return");
    }
    return { ...e, actual, passed: failures.length === 0, ...(failures.length > 0 && { reason: failures.join("; ") }) };
  });
}

/** A study expectation with what the study measured. */
export type CheckedStudy = ScenarioStudyExpectation & {
  symbol: string;
  actual: { caar: number | null; n: number; events: number };
  passed: boolean;
  /** Why it failed, in words; absent when it passed. */
  reason?: string;
};

/** Checks a study expectation against the study it asked for (`symbol` resolved). */
export function checkStudy(e: ScenarioStudyExpectation & { symbol: string }, study: Study): CheckedStudy {
  const caar = study.windows.find((w) => w.window === e.window)?.caar ?? null;
  const actual = { caar, n: study.n, events: study.events.length };
  let reason: string | undefined;
  if (study.events.length === 0) reason = `no headline for ${e.symbol} matches "${e.q}"`;
  else if (caar === null)
    reason = `CAAR over ${e.window} is not known (${study.n} of ${study.events.length} events included)`;
  else if (e.minCaar !== undefined && caar < e.minCaar) reason = `CAAR ${pct(caar)} < min ${pct(e.minCaar)}`;
  else if (e.maxCaar !== undefined && caar > e.maxCaar) reason = `CAAR ${pct(caar)} > max ${pct(e.maxCaar)}`;
  return { ...e, actual, passed: reason === undefined, ...(reason !== undefined && { reason }) };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
