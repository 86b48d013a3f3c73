import { describe, expect, it } from "vitest";
import { keyTermsQuery, tTestSentence, verdictOf, windowLabel } from "./study-text";

describe("study text", () => {
  it("says the strictest level a p-value passes", () => {
    expect(verdictOf({ statistic: 3, pValue: 0.004 })).toBe("significant at 1%");
    expect(verdictOf({ statistic: 2, pValue: 0.03 })).toBe("significant at 5%");
    expect(verdictOf({ statistic: 1.7, pValue: 0.08 })).toBe("significant at 10%");
    expect(verdictOf({ statistic: 0.5, pValue: 0.6 })).toBe("not significant");
    expect(verdictOf({ statistic: null, pValue: null })).toBe("not enough events");
  });

  it("names daily windows in trading days around day 0, intraday ones as they are", () => {
    expect(windowLabel("daily", "0")).toBe("day 0");
    expect(windowLabel("daily", "-1..1")).toBe("days −1…+1");
    expect(windowLabel("daily", "0..20")).toBe("days 0…+20");
    expect(windowLabel("intraday", "15m")).toBe("15m");
  });

  it("puts the t-test's verdict in a sentence that reads", () => {
    expect(tTestSentence({ statistic: 3, pValue: 0.004 })).toBe(
      "the cross-sectional t-test calls that significant at 1%",
    );
    expect(tTestSentence({ statistic: 0.5, pValue: 0.6 })).toBe(
      "the cross-sectional t-test calls that not significant",
    );
    expect(tTestSentence({ statistic: null, pValue: null })).toBe("too few events for the cross-sectional t-test");
  });

  it("picks a headline's longest words as OR terms, Korean included", () => {
    expect(keyTermsQuery("Seoul sends top officials to Washington to close tariff deal; 005380.KS rallied")).toBe(
      "washington OR officials OR rallied",
    );
    expect(keyTermsQuery("현대차, 관세 협상 기대감에 상승")).toBe("기대감에 OR 현대차 OR 관세");
  });
});
