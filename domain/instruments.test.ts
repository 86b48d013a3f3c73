import { describe, expect, it } from "vitest";
import { isSymbol } from "../contract/symbols";
import { BENCHMARK, SHIPPED_INSTRUMENTS, SHIPPED_SIMULATION } from "./instruments";
import { readUniverse } from "./universe/read-universe";
import universe from "./universe/krx-universe.json";

const bySymbol = new Map(SHIPPED_INSTRUMENTS.map((i) => [i.symbol, i]));

describe("shipped instruments", () => {
  it("have unique, well-formed symbols", () => {
    const symbols = SHIPPED_INSTRUMENTS.map((i) => i.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const symbol of symbols) expect(isSymbol(symbol), symbol).toBe(true);
  });

  it("include the KOSPI benchmark as an index, and at least 30 KOSPI stocks", () => {
    const benchmark = bySymbol.get(BENCHMARK);
    expect(benchmark?.kind).toBe("index");
    expect(benchmark?.nameKo).toBe("코스피");
    expect(BENCHMARK).toBe("^KS11");
    expect(
      SHIPPED_INSTRUMENTS.filter((i) => i.kind === "stock" && i.symbol.endsWith(".KS")).length,
    ).toBeGreaterThanOrEqual(30);
  });

  it("are KRX instruments priced in won on Seoul time, stocks in whole won", () => {
    for (const i of SHIPPED_INSTRUMENTS) {
      expect([i.exchange, i.currency, i.timezone]).toEqual(["KRX", "KRW", "Asia/Seoul"]);
      if (i.kind === "stock") expect(i.decimals).toBe(0);
    }
  });

  it("give every stock a Korean name, a sector and a beta the simulator uses", () => {
    for (const i of SHIPPED_INSTRUMENTS.filter((s) => s.kind === "stock")) {
      expect(i.nameKo, i.symbol).toMatch(/\S/);
      expect(i.sector, i.symbol).toBeTruthy();
      expect(SHIPPED_SIMULATION.get(i.symbol)?.beta, i.symbol).toBe(i.beta);
    }
  });

  it("keep group companies apart: no name or alias belongs to two instruments", () => {
    const owner = new Map<string, string>();
    for (const i of SHIPPED_INSTRUMENTS) {
      for (const name of [i.name, i.nameKo, ...i.aliases, ...(i.ambiguous ?? []).map((a) => a.name)]) {
        const key = name.toLowerCase();
        // An instrument may list its own name twice (HMM is HMM in both languages).
        if (owner.has(key)) expect(owner.get(key), name).toBe(i.symbol);
        owner.set(key, i.symbol);
      }
    }
    for (const group of [
      ["012330.KS", "004020.KS", "086280.KS", "329180.KS", "005380.KS"],
      ["005930.KS", "006400.KS", "207940.KS", "028260.KS"],
      ["051910.KS", "373220.KS", "066570.KS"],
    ]) {
      for (const symbol of group) expect(bySymbol.has(symbol), symbol).toBe(true);
    }
  });
});

describe("readUniverse", () => {
  it("names the bad field of a broken universe file", () => {
    const broken = structuredClone(universe) as { stocks: { beta: unknown }[] };
    broken.stocks[3]!.beta = "high";
    expect(() => readUniverse(broken)).toThrow(/stocks\.3\.beta/);
  });

  it("refuses a symbol listed twice", () => {
    const twice = structuredClone(universe) as { stocks: unknown[] };
    twice.stocks.push(twice.stocks[0]);
    expect(() => readUniverse(twice)).toThrow(/005930\.KS is listed twice/);
  });
});
