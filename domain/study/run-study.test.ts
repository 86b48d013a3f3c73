import { describe, expect, it } from "vitest";
import type { Study } from "../../contract/model";
import type { StudyDesign } from "./study-design";
import type { StudyEventInput } from "./study-event";
import { runStudy } from "./run-study";
import { averageRanks } from "./window-tests";

// Three steps, two windows; eight estimation residuals per event.
const DESIGN: StudyDesign = {
  resolution: "intraday",
  steps: [1, 2, 3],
  windows: [
    { label: "1m", from: 1, to: 1 },
    { label: "3m", from: 1, to: 3 },
  ],
  minEstimation: 8,
};

const MINUTE = 60_000;
const T = Date.UTC(2025, 9, 22, 1, 0);

function event(
  id: string,
  t0: number,
  e: { res: number[]; sd: number; mm: number; sxx: number; ar: number[]; rm: number[] },
): StudyEventInput {
  let cumulative = 1;
  return {
    newsId: id,
    t0,
    ar: e.ar,
    marketReturns: e.rm,
    cumulativeReturns: e.ar.map((a) => (cumulative *= 1 + a) - 1),
    estimation: { residuals: e.res, residualSd: e.sd, marketMean: e.mm, marketSxx: e.sxx },
  };
}

const E1 = event("a", T, {
  res: [0.01, -0.02, 0.005, 0.0, -0.01, 0.015, 0.002, -0.004],
  sd: 0.012,
  mm: 0.0005,
  sxx: 0.0004,
  ar: [0.02, 0.01, -0.005],
  rm: [0.001, -0.002, 0.003],
});
const E2 = event("b", T + 86_400_000, {
  res: [-0.003, 0.007, 0.011, -0.009, 0.004, -0.001, 0.006, -0.012],
  sd: 0.008,
  mm: -0.001,
  sxx: 0.0002,
  ar: [0.015, -0.003, 0.004],
  rm: [0.002, 0.0, -0.001],
});
const E3 = event("c", T + 2 * 86_400_000, {
  res: [0.002, -0.006, 0.009, 0.001, -0.008, 0.003, -0.002, 0.005],
  sd: 0.006,
  mm: 0.0,
  sxx: 0.0003,
  ar: [-0.004, 0.012, 0.006],
  rm: [-0.003, 0.001, 0.002],
});

const options = {
  symbol: "005380.KS",
  benchmark: "^KS11",
  design: DESIGN,
  confounds: (a: number, b: number) => b - a <= 60 * MINUTE,
};

type TestName = keyof Study["windows"][number]["tests"];

/**
 * The reference figures for the 1m and 3m windows of E1–E3. A statistic is checked to 9
 * decimals unless `digits` says otherwise; a p-value only where one was worked out.
 */
const REFERENCE: {
  caar: number;
  positive: number;
  tests: Partial<Record<TestName, { statistic: number; digits?: number; pValue?: number }>>;
}[] = [
  {
    caar: 0.010333333333333335,
    positive: 2,
    tests: {
      crossSectionalT: { statistic: 1.413478333021415, pValue: 0.29307709783910385 },
      patellZ: { statistic: 1.2652626526561699, pValue: 0.20577718980498516 },
      bmp: { statistic: 1.1788323042859987, pValue: 0.3597127088503207 },
      corradoRank: { statistic: 1.2780193008453873, pValue: 0.20124262095772405 },
      generalizedSign: { statistic: 0.4345240946267408, pValue: 0.6639079018776489 },
    },
  },
  {
    caar: 0.01833333333333333,
    positive: 3,
    tests: {
      crossSectionalT: { statistic: 5.419311029903612, pValue: 0.0324036743896909 },
      patellZ: { statistic: 1.484857460562762 },
      bmp: { statistic: 20.370178300794166, digits: 8, pValue: 0.002401285765794606 },
      corradoRank: { statistic: 1.4731391274719736 },
      generalizedSign: { statistic: 1.593255013631383 },
    },
  },
];

describe("runStudy", () => {
  // Reference figures computed independently with numpy / scipy.stats (rankdata, t, norm).
  it("matches every test worked out independently on three events", () => {
    const study = runStudy([E3, E1, E2], options);
    expect(study.n).toBe(3);
    expect(study.events.map((e) => e.newsId)).toEqual(["a", "b", "c"]);
    expect(study.windows[0]!.window).toBe("1m");
    for (const [i, reference] of REFERENCE.entries()) {
      const got = study.windows[i]!;
      expect(got.caar, `${got.window} CAAR`).toBeCloseTo(reference.caar, 12);
      expect(got.positive, `${got.window} positive`).toBe(reference.positive);
      for (const [name, { statistic, digits = 9, pValue }] of Object.entries(reference.tests)) {
        const test = got.tests[name as TestName];
        expect(test.statistic, `${got.window} ${name} statistic`).toBeCloseTo(statistic, digits);
        if (pValue !== undefined) expect(test.pValue, `${got.window} ${name} p-value`).toBeCloseTo(pValue, 6);
      }
    }
  });

  it("draws the CAAR path with a 95% band from the spread of the CARs", () => {
    const { path } = runStudy([E1, E2, E3], options);
    expect(path.map((p) => p.t)).toEqual([0, 1, 2, 3]);
    expect(path[0]).toEqual({ t: 0, aar: 0, caar: 0, lo: 0, hi: 0 });
    const expected = [
      [0.010333333333333335, 0.010333333333333335, -0.021121513787697263, 0.04178818045436393],
      [0.006333333333333333, 0.016666666666666666, -0.012444770664316884, 0.04577810399765021],
      [0.0016666666666666668, 0.01833333333333333, 0.0037776146678415567, 0.0328890519988251],
    ];
    for (const [i, [aar, caar, lo, hi]] of expected.entries()) {
      const p = path[i + 1]!;
      expect(p.aar).toBeCloseTo(aar!, 12);
      expect(p.caar).toBeCloseTo(caar!, 12);
      expect(p.lo).toBeCloseTo(lo!, 9);
      expect(p.hi).toBeCloseTo(hi!, 9);
    }
  });

  it("lists each event's CAR and raw return per window", () => {
    const a = runStudy([E1, E2, E3], options).events[0]!;
    expect(a.cars["1m"]).toBeCloseTo(0.02, 12);
    expect(a.cars["3m"]).toBeCloseTo(0.025, 12);
    expect(a.returns["3m"]).toBeCloseTo(1.02 * 1.01 * 0.995 - 1, 12);
  });

  it("keeps the earliest of confounded headlines and names it", () => {
    const late = { ...E2, newsId: "late", t0: T + 20 * MINUTE };
    const study = runStudy([late, E1, E3], options);
    expect(study.n).toBe(2);
    const excluded = study.events.find((e) => e.newsId === "late")!;
    expect(excluded.included).toBe(false);
    expect(excluded.reason).toBe("confounded by a (20 min earlier; the earlier one is kept)");
    expect(study.events.find((e) => e.newsId === "a")!.included).toBe(true);
  });

  it("leaves out short estimation windows and data that stops early, saying why", () => {
    const short = { ...E2, estimation: { ...E2.estimation!, residuals: E2.estimation!.residuals.slice(0, 5) } };
    const cut = { ...E3, ar: [0.01, null, null], cumulativeReturns: [0.01, null, null] };
    const study = runStudy([E1, short, cut], options);
    expect(study.n).toBe(1);
    expect(study.events[1]!.reason).toBe("estimation window too short: 5 returns, at least 8 needed");
    expect(study.events[2]!.reason).toBe("data does not reach the window: nothing at +2m");
    expect(study.events[2]!.cars["1m"]).toBeCloseTo(0.01, 12);
    expect(study.events[2]!.cars["3m"]).toBeNull();
    // One event: a CAAR, but no test can be computed from a single CAR's spread.
    expect(study.windows[0]!.caar).toBeCloseTo(0.02, 12);
    expect(study.windows[0]!.tests.crossSectionalT).toEqual({ statistic: null, pValue: null });
    expect(study.path[1]!.lo).toBeNull();
  });

  it("answers an empty set with no figures rather than zeros", () => {
    const study = runStudy([], options);
    expect(study.n).toBe(0);
    expect(study.windows[0]!.caar).toBeNull();
    expect(study.path.every((p) => p.caar === null || p.t === 0)).toBe(true);
  });
});

describe("averageRanks", () => {
  it("gives ties their mean rank", () => {
    expect(averageRanks([0.3, 0.1, 0.3, 0.2])).toEqual([3.5, 1, 3.5, 2]);
  });
});
