import { describe, expect, it } from "vitest";
import { fitMarketModel } from "./market-model";

describe("fitMarketModel", () => {
  it("matches an OLS fit worked out independently (numpy polyfit) on six returns", () => {
    const market = [0.01, -0.02, 0.015, 0.0, -0.005, 0.02];
    const stock = [0.012, -0.025, 0.02, 0.001, -0.004, 0.027];
    const model = fitMarketModel(stock, market)!;
    // Reference: slope 1.270769230769231, intercept 0.0009307692307692312,
    // residual sd with n − 2 degrees of freedom 0.0011627222699007176.
    expect(model.beta).toBeCloseTo(1.270769230769231, 12);
    expect(model.alpha).toBeCloseTo(0.0009307692307692312, 12);
    expect(model.residualSd).toBeCloseTo(0.0011627222699007176, 12);
    expect(model.n).toBe(6);
  });

  it("recovers an exact line with no residual", () => {
    const market = [0.01, 0.02, -0.01, 0.005];
    const stock = market.map((m) => 0.001 + 2 * m);
    const model = fitMarketModel(stock, market)!;
    expect(model.beta).toBeCloseTo(2, 12);
    expect(model.alpha).toBeCloseTo(0.001, 12);
    expect(model.residualSd).toBeCloseTo(0, 12);
  });

  it("declines to fit fewer than three returns", () => {
    expect(fitMarketModel([0.01, 0.02], [0.01, 0.02])).toBeNull();
  });
});
