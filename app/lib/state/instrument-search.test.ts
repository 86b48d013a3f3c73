import { describe, expect, it } from "vitest";
import { SHIPPED_INSTRUMENTS } from "../../../domain/instruments";
import { searchInstruments } from "./instrument-search";

const symbols = (q: string) => searchInstruments(SHIPPED_INSTRUMENTS, q).map((i) => i.symbol);

describe("searchInstruments", () => {
  it("finds by symbol or code, English name, Korean name and initial consonants", () => {
    expect(symbols("005930")[0]).toBe("005930.KS");
    expect(symbols("samsung elec")[0]).toBe("005930.KS");
    expect(symbols("삼성전자")[0]).toBe("005930.KS");
    expect(symbols("ㅅㅅㅈㅈ")).toContain("005930.KS");
    expect(symbols("hynix")).toEqual(["000660.KS"]);
    expect(symbols("^ks11")).toEqual(["^KS11"]);
  });

  it("answers nothing for an empty query or no match", () => {
    expect(symbols("  ")).toEqual([]);
    expect(symbols("zzzz")).toEqual([]);
  });
});
