import { describe, expect, it } from "vitest";
import {
  candlesQuery,
  describeIssue,
  newsQuery,
  postNewsBody,
  resumePayload,
  subscribePayload,
  symbolSchema,
  ticksQuery,
} from "./schemas";

const T = Date.UTC(2025, 9, 22, 4, 7);

describe("ticksQuery", () => {
  it("fills in the default limit and converts times", () => {
    expect(ticksQuery.parse({ symbol: "005380.KS" })).toEqual({ symbol: "005380.KS", limit: 1_000 });
    expect(
      ticksQuery.parse({
        symbol: "005380.KS",
        from: "2025-10-22T13:07:00+09:00",
        to: String(T + 1),
        afterSeq: "5",
        limit: "10000",
      }),
    ).toEqual({ symbol: "005380.KS", from: T, to: T + 1, afterSeq: 5, limit: 10_000 });
  });

  it.each([0, "0", 10_001, "10001", "1e3", "-1", 1.5, "1.5", " 10", ""])("rejects limit %j", (limit) => {
    expect(ticksQuery.safeParse({ symbol: "005380.KS", limit }).success).toBe(false);
  });

  it("accepts the limits 1 and 10,000", () => {
    expect(ticksQuery.parse({ symbol: "005380.KS", limit: "1" }).limit).toBe(1);
    expect(ticksQuery.parse({ symbol: "005380.KS", limit: 10_000 }).limit).toBe(10_000);
  });

  it("rejects unknown extra keys", () => {
    expect(ticksQuery.safeParse({ symbol: "005380.KS", sort: "desc" }).success).toBe(false);
  });

  it("rejects a range whose start is after its end, naming `from`", () => {
    const result = ticksQuery.safeParse({ symbol: "005380.KS", from: T + 1, to: T });
    expect(result.success).toBe(false);
    expect(describeIssue(result.error!)).toMatch(/^from: /);
    expect(ticksQuery.safeParse({ symbol: "005380.KS", from: T, to: T }).success).toBe(true);
  });

  it("requires a well-formed symbol", () => {
    expect(ticksQuery.safeParse({}).success).toBe(false);
    expect(ticksQuery.safeParse({ symbol: "AAPL" }).success).toBe(false);
    expect(ticksQuery.safeParse({ symbol: "005380.KS", afterSeq: "-1" }).success).toBe(false);
  });
});

describe("candlesQuery and newsQuery", () => {
  it("accept the known intervals only", () => {
    expect(candlesQuery.parse({ symbol: "^KS11", interval: "5m" }).interval).toBe("5m");
    expect(candlesQuery.safeParse({ symbol: "^KS11", interval: "2m" }).success).toBe(false);
    expect(candlesQuery.safeParse({ symbol: "^KS11" }).success).toBe(false);
  });

  it("check ranges and limits the same way", () => {
    expect(candlesQuery.safeParse({ symbol: "^KS11", interval: "1m", from: T + 1, to: T }).success).toBe(false);
    expect(newsQuery.parse({})).toEqual({ limit: 100 });
    expect(newsQuery.safeParse({ limit: 501 }).success).toBe(false);
    expect(newsQuery.safeParse({ from: "2025-10-23", to: "2025-10-22" }).success).toBe(false);
  });
});

describe("postNewsBody", () => {
  const valid = {
    headline: "Kia shares rally",
    body: "Kia Corp rose.",
    publishedAt: "2025-10-22T13:07:00+09:00",
    source: "Desk",
  };

  it("accepts a plain item and converts its time", () => {
    expect(postNewsBody.parse(valid)).toEqual({ ...valid, publishedAt: T });
    expect(postNewsBody.parse({ ...valid, url: null, tickers: ["000270.KS"] }).tickers).toEqual(["000270.KS"]);
    expect(postNewsBody.parse({ ...valid, url: "https://example.com/a?b=1" }).url).toBe("https://example.com/a?b=1");
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<b>x</b>",
    "ftp://example.com",
    "not a url",
    "",
  ])("rejects the url %j", (url) => {
    expect(postNewsBody.safeParse({ ...valid, url }).success).toBe(false);
  });

  it("rejects an empty or blank headline", () => {
    expect(postNewsBody.safeParse({ ...valid, headline: "" }).success).toBe(false);
    expect(postNewsBody.safeParse({ ...valid, headline: "   " }).success).toBe(false);
    expect(postNewsBody.safeParse({ ...valid, headline: "x".repeat(501) }).success).toBe(false);
  });

  it.each(["../../etc", "005380.KS<script>", "005380.ks", "", "005380.KS "])("rejects the ticker %j", (ticker) => {
    expect(postNewsBody.safeParse({ ...valid, tickers: [ticker] }).success).toBe(false);
  });

  it("rejects more than 20 tickers, extra keys, missing fields and bad times", () => {
    expect(postNewsBody.safeParse({ ...valid, tickers: Array(21).fill("005380.KS") }).success).toBe(false);
    expect(postNewsBody.safeParse({ ...valid, impact: 0.5 }).success).toBe(false);
    expect(postNewsBody.safeParse({ ...valid, source: undefined }).success).toBe(false);
    expect(postNewsBody.safeParse({ ...valid, publishedAt: "2025-02-31" }).success).toBe(false);
  });
});

describe("socket payloads", () => {
  it("subscribe needs 1 to 50 valid symbols", () => {
    expect(subscribePayload.safeParse({ symbols: ["005380.KS", "^KS11"] }).success).toBe(true);
    expect(subscribePayload.safeParse({ symbols: [] }).success).toBe(false);
    expect(subscribePayload.safeParse({ symbols: Array(51).fill("005380.KS") }).success).toBe(false);
    expect(subscribePayload.safeParse({ symbols: ["../x"] }).success).toBe(false);
  });

  it("resume needs a whole, non-negative sequence number", () => {
    expect(resumePayload.safeParse({ symbol: "005380.KS", afterSeq: 0 }).success).toBe(true);
    expect(resumePayload.safeParse({ symbol: "005380.KS", afterSeq: -1 }).success).toBe(false);
    expect(resumePayload.safeParse({ symbol: "005380.KS", afterSeq: 1.5 }).success).toBe(false);
    expect(resumePayload.safeParse({ symbol: "005380.KS", afterSeq: "3" }).success).toBe(false);
  });
});

describe("describeIssue", () => {
  it("names the field of the first problem", () => {
    const result = ticksQuery.safeParse({ symbol: "005380.KS", limit: 0 });
    expect(describeIssue(result.error!)).toMatch(/^limit: /);
  });
});

describe("dailyReactionSchema", () => {
  it("accepts a daily study and rejects a malformed one", async () => {
    const { dailyReactionSchema } = await import("./schemas");
    const daily = {
      eventDay: "2021-01-08",
      basePrice: 206000,
      baseDay: "2021-01-07",
      windows: [
        { window: "0", return: 0.19, abnormal: 0.14, tStat: 6.3, from: "2021-01-08", to: "2021-01-08", reason: null },
      ],
      model: { alpha: 0.001, beta: 1.2, residualSd: 0.02, n: 250, from: "2019-12-18", to: "2020-12-21" },
      volumeSurge: 9.9,
      modelReason: null,
      estimationWindow: { from: -260, to: -11, minReturns: 60 },
    };
    expect(dailyReactionSchema.parse(daily)).toEqual(daily);
    expect(() => dailyReactionSchema.parse({ ...daily, windows: [{ ...daily.windows[0], window: "0..3" }] })).toThrow();
    expect(() => dailyReactionSchema.parse({ ...daily, eventDay: "8 Jan 2021" })).toThrow();
  });
});

describe("symbolSchema", () => {
  it("refuses an over-long value for its length, not only as a bad pattern", () => {
    const answer = symbolSchema.safeParse("0".repeat(10_000));
    expect(answer.success).toBe(false);
    expect(answer.error!.issues.map((i) => i.code)).toContain("too_big");
  });

  it("admits the longest symbols the pattern allows", () => {
    expect(symbolSchema.parse("^ABCDEFGHIJ")).toBe("^ABCDEFGHIJ");
  });
});
