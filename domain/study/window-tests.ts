import { mean, sampleStandardDeviation } from "simple-statistics";
import { normalP, studentP } from "./distributions";
import type { StudyEventInput } from "./study-event";

/** A test statistic and its two-sided p-value; both null when the sample cannot carry it. */
export interface TestResult {
  statistic: number | null;
  pValue: number | null;
}

/** The five tests of the event-study literature for one window. */
export interface WindowTests {
  crossSectionalT: TestResult;
  patellZ: TestResult;
  bmp: TestResult;
  corradoRank: TestResult;
  generalizedSign: TestResult;
}

const NONE: TestResult = { statistic: null, pValue: null };

const finite = (statistic: number, pValue: number): TestResult =>
  Number.isFinite(statistic) ? { statistic, pValue } : NONE;

/** Sum of the abnormal returns at step indexes [from, to] (every one present for included events). */
export function sumAr(event: StudyEventInput, from: number, to: number): number {
  let total = 0;
  for (let i = from; i <= to; i++) total += event.ar[i]!;
  return total;
}

/**
 * Standardised CAR (Patell 1976): the CAR over its forecast-error standard deviation,
 * σ·√(L + L²/M + (Σ(Rm,t − R̄m))² / Sxx) for an L-step window and M estimation returns.
 */
export function standardisedCar(event: StudyEventInput, from: number, to: number): number {
  const est = event.estimation!;
  const length = to - from + 1;
  const m = est.residuals.length;
  let marketDeviation = 0;
  for (let i = from; i <= to; i++) marketDeviation += (event.marketReturns[i] ?? est.marketMean) - est.marketMean;
  const correction = est.marketSxx > 0 ? (marketDeviation * marketDeviation) / est.marketSxx : 0;
  const variance = est.residualSd ** 2 * (length + (length * length) / m + correction);
  return sumAr(event, from, to) / Math.sqrt(variance);
}

/**
 * The tests for a window of step indexes [from, to] over included events (each with an
 * estimation window and every step present). `allSteps` is how many event steps the
 * rank test pools with each event's estimation residuals.
 */
export function windowTests(
  events: readonly StudyEventInput[],
  from: number,
  to: number,
  allSteps: number,
): WindowTests {
  const n = events.length;
  if (n === 0) return { crossSectionalT: NONE, patellZ: NONE, bmp: NONE, corradoRank: NONE, generalizedSign: NONE };
  const cars = events.map((e) => sumAr(e, from, to));
  const scars = events.map((e) => standardisedCar(e, from, to));
  return {
    crossSectionalT: n < 2 ? NONE : tOf(cars, n),
    patellZ: patell(events, scars),
    bmp: n < 2 ? NONE : tOf(scars, n),
    corradoRank: corrado(events, from, to, allSteps),
    generalizedSign: generalizedSign(events, cars),
  };
}

// Mean over its standard error, against Student t with n − 1 degrees of freedom.
function tOf(values: readonly number[], n: number): TestResult {
  const sd = sampleStandardDeviation(values);
  if (!(sd > 0)) return NONE;
  const t = mean(values) / (sd / Math.sqrt(n));
  return finite(t, studentP(t, n - 1));
}

// Σ SCAR over √Σ (M − 2)/(M − 4): each SCAR is t-distributed with M − 2 degrees of freedom.
function patell(events: readonly StudyEventInput[], scars: readonly number[]): TestResult {
  let variance = 0;
  for (const e of events) {
    const m = e.estimation!.residuals.length;
    variance += (m - 2) / (m - 4);
  }
  const z = scars.reduce((a, b) => a + b, 0) / Math.sqrt(variance);
  return finite(z, normalP(z));
}

/**
 * Corrado (1989) rank test. Each event's estimation residuals and event-window abnormal
 * returns are ranked together (T of them, ties averaged); under no effect the L window
 * ranks are a draw without replacement from 1…T, so their sum of (rank/(T+1) − ½) has
 * mean 0 and variance L(T − L)/(12(T + 1)). Events are taken as independent.
 */
function corrado(events: readonly StudyEventInput[], from: number, to: number, allSteps: number): TestResult {
  const length = to - from + 1;
  let sum = 0;
  let variance = 0;
  for (const e of events) {
    const ranks = poolRanks(e, allSteps);
    const total = ranks.length;
    const offset = e.estimation!.residuals.length;
    for (let i = from; i <= to; i++) sum += ranks[offset + i]! / (total + 1) - 0.5;
    variance += (length * (total - length)) / (12 * (total + 1));
  }
  if (!(variance > 0)) return NONE;
  const z = sum / Math.sqrt(variance);
  return finite(z, normalP(z));
}

// The ranks of an event's pooled returns serve every window: ranked once per event.
const rankCache = new WeakMap<StudyEventInput, number[]>();

function poolRanks(e: StudyEventInput, allSteps: number): number[] {
  let ranks = rankCache.get(e);
  if (!ranks) {
    ranks = averageRanks([...e.estimation!.residuals, ...e.ar.slice(0, allSteps).map((v) => v!)]);
    rankCache.set(e, ranks);
  }
  return ranks;
}

/** Ranks 1…n of the values, ties given their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  // A typed-array sort (numeric, no comparator) and two binary searches per value: the
  // rank test ranks a thousand returns for every event of a study.
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => (lowerBound(sorted, v) + upperBound(sorted, v) - 1) / 2 + 1);
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cowan (1992) generalised sign test: the number of positive CARs against the share of
 * positive residuals in the estimation windows (p̂), (w − N·p̂) / √(N·p̂·(1 − p̂)).
 */
function generalizedSign(events: readonly StudyEventInput[], cars: readonly number[]): TestResult {
  const n = events.length;
  const pHat = mean(
    events.map((e) => e.estimation!.residuals.filter((r) => r > 0).length / e.estimation!.residuals.length),
  );
  const positive = cars.filter((c) => c > 0).length;
  const sd = Math.sqrt(n * pHat * (1 - pHat));
  if (!(sd > 0)) return NONE;
  const z = (positive - n * pHat) / sd;
  return finite(z, normalP(z));
}
