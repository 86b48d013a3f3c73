import { describe, expect, it } from "vitest";
import { matchesHeadline, parseHeadlineQuery } from "./headline-query";

const item = (headline: string, body = "") => ({ headline, body });

describe("headline queries", () => {
  it("matches every word, in headline or body, whatever the case", () => {
    const q = parseHeadlineQuery("Tariff hyundai");
    expect(matchesHeadline(q, item("Hyundai shares rise", "tariffs cut to 15%"))).toBe(true);
    expect(matchesHeadline(q, item("Hyundai shares rise", "chip exports"))).toBe(false);
  });

  it("finds Korean words with their particles attached", () => {
    const q = parseHeadlineQuery("관세");
    expect(matchesHeadline(q, item("한미 관세협상 타결", ""))).toBe(true);
    expect(matchesHeadline(q, item("현대차", "관세를 15%로"))).toBe(true);
    expect(matchesHeadline(q, item("반도체 수출", ""))).toBe(false);
  });

  it("takes OR between alternatives and quotes for phrases", () => {
    const q = parseHeadlineQuery('"trade deal" OR 관세');
    expect(q.groups).toEqual([["trade deal"], ["관세"]]);
    expect(matchesHeadline(q, item("A trade deal at last"))).toBe(true);
    expect(matchesHeadline(q, item("Trade talks and a deal"))).toBe(false);
    expect(matchesHeadline(q, item("관세 인하"))).toBe(true);
  });

  it("normalises full-width letters and composed Hangul", () => {
    expect(matchesHeadline(parseHeadlineQuery("ＴＡＲＩＦＦ"), item("tariff"))).toBe(true);
    const decomposed = "관세".normalize("NFD");
    expect(matchesHeadline(parseHeadlineQuery(decomposed), item("관세"))).toBe(true);
  });

  it("matches everything with a blank query", () => {
    expect(matchesHeadline(parseHeadlineQuery("  "), item("anything"))).toBe(true);
  });
});
