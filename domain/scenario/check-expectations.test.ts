import { describe, expect, it } from "vitest";
import type { Study } from "../../contract/model";
import { checkStudy } from "./check-expectations";

const NO_TEST = { statistic: null, pValue: null };
const study = (caar: number | null, included: boolean[]): Study => ({
  symbol: "005380.KS",
  resolution: "intraday",
  benchmark: "^KS11",
  n: included.filter(Boolean).length,
  events: included.map((inc, i) => ({
    newsId: `n${i}`,
    t0: "2025-10-22T04:07:00.000Z",
    included: inc,
    returns: {},
    cars: {},
  })),
  windows: [
    {
      window: "15m",
      caar,
      positive: 0,
      tests: {
        crossSectionalT: NO_TEST,
        patellZ: NO_TEST,
        bmp: NO_TEST,
        corradoRank: NO_TEST,
        generalizedSign: NO_TEST,
      },
    },
  ],
  path: [],
});

describe("checkStudy", () => {
  const e = { q: "tariff", symbol: "005380.KS", window: "15m" as const };

  it("passes within the bounds and fails outside, saying by how much", () => {
    expect(checkStudy({ ...e, minCaar: 0.01 }, study(0.02, [true, true]))).toMatchObject({
      passed: true,
      actual: { caar: 0.02, n: 2, events: 2 },
    });
    expect(checkStudy({ ...e, minCaar: 0.01, maxCaar: 0.015 }, study(0.02, [true]))).toMatchObject({
      passed: false,
      reason: "CAAR 2.00% > max 1.50%",
    });
    expect(checkStudy({ ...e, minCaar: 0.03 }, study(0.02, [true]))).toMatchObject({
      passed: false,
      reason: "CAAR 2.00% < min 3.00%",
    });
  });

  it("fails when no headline matches or no event is included", () => {
    expect(checkStudy({ ...e, minCaar: 0 }, study(null, []))).toMatchObject({
      passed: false,
      reason: 'no headline for 005380.KS matches "tariff"',
    });
    expect(checkStudy({ ...e, maxCaar: 0 }, study(null, [false, false]))).toMatchObject({
      passed: false,
      reason: "CAAR over 15m is not known (0 of 2 events included)",
    });
  });
});
