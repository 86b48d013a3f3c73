import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("FEED_SYMBOLS", () => {
  it("defaults to the two carmakers and the benchmark", () => {
    expect(parseEnv({}).FEED_SYMBOLS).toEqual(["005380.KS", "000270.KS", "^KS11"]);
  });

  it("takes any symbols of the universe", () => {
    expect(parseEnv({ FEED_SYMBOLS: "005930.KS, 000660.KS" }).FEED_SYMBOLS).toEqual(["005930.KS", "000660.KS"]);
  });

  it("stops the start with one line naming the variable and the unknown symbol", () => {
    expect(() => parseEnv({ FEED_SYMBOLS: "005930.KS,999999.KS" })).toThrow(
      /^invalid FEED_SYMBOLS="005930\.KS,999999\.KS": unknown symbol 999999\.KS/,
    );
  });
});

describe("NEWS_FEEDS", () => {
  it("refuses a bad NEWS_FEEDS value with one line naming it", () => {
    expect(() => parseEnv({ NEWS_FEEDS: "https://ok.example/rss,ftp://x/feed" })).toThrow(
      /^invalid NEWS_FEEDS=".*": not an http\(s\) URL: ftp:\/\/x\/feed$/,
    );
    expect(() => parseEnv({ NEWS_POLL_SECONDS: "0" })).toThrow(/^invalid NEWS_POLL_SECONDS="0"/);
  });
});
