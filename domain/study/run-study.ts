import { mean, sampleStandardDeviation } from "simple-statistics";
import type { Study, StudyEvent } from "../../contract/model";
import { studentQuantile } from "./distributions";
import type { StudyDesign } from "./study-design";
import type { StudyEventInput } from "./study-event";
import { sumAr, windowTests } from "./window-tests";

/** What a study pools, beyond the events themselves. */
export interface StudyOptions {
  symbol: string;
  benchmark: string;
  design: StudyDesign;
  /** True when a headline at `later` falls inside the reaction window of one at `earlier`. */
  confounds: (earlier: number, later: number) => boolean;
  /** Headlines by id, for the events list. */
  headlines?: ReadonlyMap<string, string>;
}

/**
 * Pools events in event time: AAR and CAAR with a 95% band, and the five tests per window.
 * An event is left out, with the reason, when its estimation window is too short, its data
 * does not reach the end of the path, or an earlier headline of the set confounds it (of a
 * cluster of headlines inside one another's windows the earliest is kept).
 */
export function runStudy(inputs: readonly StudyEventInput[], options: StudyOptions): Study {
  const { design } = options;
  const sorted = [...inputs].sort((a, b) => a.t0 - b.t0 || a.newsId.localeCompare(b.newsId));
  const reasons = exclusionReasons(sorted, options);
  const included = sorted.filter((e) => !reasons.has(e.newsId));
  const index = (t: number) => design.steps.indexOf(t);
  const all = design.steps.length;

  const events: StudyEvent[] = sorted.map((e) => {
    const reason = reasons.get(e.newsId);
    const cars: Record<string, number | null> = {};
    const returns: Record<string, number | null> = {};
    for (const w of design.windows) {
      const from = index(w.from);
      const to = index(w.to);
      const ars = e.ar.slice(from, to + 1);
      cars[w.label] = e.estimation && ars.every((v) => v !== null) ? sumAr(e, from, to) : null;
      returns[w.label] = windowReturn(e, from, to);
    }
    const headline = options.headlines?.get(e.newsId);
    return {
      newsId: e.newsId,
      t0: new Date(e.t0).toISOString(),
      included: reason === undefined,
      ...(reason === undefined ? {} : { reason }),
      ...(headline === undefined ? {} : { headline }),
      returns,
      cars,
    };
  });

  const windows = design.windows.map((w) => {
    const from = index(w.from);
    const to = index(w.to);
    const cars = included.map((e) => sumAr(e, from, to));
    return {
      window: w.label,
      caar: cars.length ? mean(cars) : null,
      positive: cars.filter((c) => c > 0).length,
      tests: windowTests(included, from, to, all),
    };
  });

  return {
    symbol: options.symbol,
    resolution: design.resolution,
    benchmark: options.benchmark,
    n: included.length,
    events,
    windows,
    path: eventPath(included, design),
  };
}

// The raw return over a window: compounded from the cumulative returns either side of it.
function windowReturn(e: StudyEventInput, from: number, to: number): number | null {
  const cumulative = e.cumulativeReturns;
  const end = cumulative[to];
  const start = from === 0 ? 0 : cumulative[from - 1];
  if (end === null || end === undefined || start === null || start === undefined) return null;
  return (1 + end) / (1 + start) - 1;
}

function exclusionReasons(sorted: readonly StudyEventInput[], options: StudyOptions): Map<string, string> {
  const { design } = options;
  const reasons = new Map<string, string>();
  // Confounding is about the headlines, measurable or not: the earliest of a cluster stays.
  let kept: StudyEventInput | null = null;
  for (const e of sorted) {
    if (kept && options.confounds(kept.t0, e.t0)) {
      reasons.set(
        e.newsId,
        `confounded by ${kept.newsId} (${describeGap(e.t0 - kept.t0)} earlier; the earlier one is kept)`,
      );
      continue;
    }
    kept = e;
  }
  for (const e of sorted) {
    if (reasons.has(e.newsId)) continue;
    if (e.unmeasurable) reasons.set(e.newsId, e.unmeasurable);
    else if (!e.estimation || e.estimation.residuals.length < design.minEstimation) {
      const n = e.estimation?.residuals.length ?? 0;
      reasons.set(e.newsId, `estimation window too short: ${n} returns, at least ${design.minEstimation} needed`);
    } else {
      const missing = e.ar.findIndex((v) => v === null);
      if (missing >= 0) {
        const unit = design.resolution === "intraday" ? "m" : " trading days";
        reasons.set(e.newsId, `data does not reach the window: nothing at ${signed(design.steps[missing]!)}${unit}`);
      }
    }
  }
  return reasons;
}

const signed = (t: number) => (t > 0 ? `+${t}` : String(t));

function describeGap(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

// AAR and CAAR at every event time, the band from the cross-sectional spread of the CARs.
function eventPath(included: readonly StudyEventInput[], design: StudyDesign): Study["path"] {
  const n = included.length;
  const q = n >= 2 ? studentQuantile(0.95, n - 1) : NaN;
  const first = design.steps[0]! - 1;
  const path: Study["path"] = [{ t: first, aar: n ? 0 : null, caar: n ? 0 : null, lo: n ? 0 : null, hi: n ? 0 : null }];
  const cars = new Array<number>(n).fill(0);
  for (const [i, t] of design.steps.entries()) {
    let sum = 0;
    for (const [k, e] of included.entries()) {
      const ar = e.ar[i]!;
      cars[k] = cars[k]! + ar;
      sum += ar;
    }
    if (n === 0) {
      path.push({ t, aar: null, caar: null, lo: null, hi: null });
      continue;
    }
    const caar = mean(cars);
    const half = n >= 2 ? (q * sampleStandardDeviation(cars)) / Math.sqrt(n) : NaN;
    path.push({
      t,
      aar: sum / n,
      caar,
      lo: Number.isFinite(half) ? caar - half : null,
      hi: Number.isFinite(half) ? caar + half : null,
    });
  }
  return path;
}
