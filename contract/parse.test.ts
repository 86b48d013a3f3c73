import { describe, expect, it } from "vitest";
import { parseWith } from "./parse";
import { postNewsBody, subscribePayload, ticksQuery } from "./schemas";

const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("it parsed");
};

describe("parseWith names the field and the value", () => {
  it("a query parameter", () => {
    expect(messageOf(() => parseWith(ticksQuery, { symbol: "XYZ" }))).toBe('symbol: not a valid symbol (got "XYZ")');
  });

  it("a nested socket value, by its path", () => {
    expect(messageOf(() => parseWith(subscribePayload, { symbols: ["005380.KS", 7] }))).toMatch(
      /^symbols\.1: .* \(got 7\)$/,
    );
  });

  it("a body field; a missing field has no value to show; objects by kind only", () => {
    const body = { headline: "h", body: "b", publishedAt: "yesterday", source: "s" };
    expect(messageOf(() => parseWith(postNewsBody, body))).toMatch(/^publishedAt: .* \(got "yesterday"\)$/);
    expect(messageOf(() => parseWith(postNewsBody, { ...body, publishedAt: undefined }))).toMatch(
      /^publishedAt: [^(]*$/,
    );
    expect(messageOf(() => parseWith(subscribePayload, { symbols: { a: 1 } }))).toMatch(/\(got an object\)$/);
  });

  it("a long value cut to 80 characters", () => {
    expect(messageOf(() => parseWith(ticksQuery, { symbol: "005380.KS", limit: "9".repeat(200) }))).toContain(
      `"${"9".repeat(80)}…"`,
    );
  });
});
