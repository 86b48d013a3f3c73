import { describe, expect, it } from "vitest";
import { keyTermsQuery, verdictOf } from "./study-text";

describe("study text", () => {
  it("says the strictest level a p-value passes", () => {
    expect(verdictOf({ statistic: 3, pValue: 0.004 })).toBe("significant at 1%");
    expect(verdictOf({ statistic: 2, pValue: 0.03 })).toBe("significant at 5%");
    expect(verdictOf({ statistic: 1.7, pValue: 0.08 })).toBe("significant at 10%");
    expect(verdictOf({ statistic: 0.5, pValue: 0.6 })).toBe("not significant");
    expect(verdictOf({ statistic: null, pValue: null })).toBe("not enough events");
  });

  it("picks a headline's longest words as OR terms, Korean included", () => {
    expect(keyTermsQuery("Seoul sends top officials to Washington to close tariff deal; 005380.KS rallied")).toBe(
      "washington OR officials OR rallied",
    );
    expect(keyTermsQuery("현대차, 관세 협상 기대감에 상승")).toBe("기대감에 OR 현대차 OR 관세");
  });
});
