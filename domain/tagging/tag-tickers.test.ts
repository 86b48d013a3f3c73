import { describe, expect, it } from "vitest";
import { SHIPPED_NEWS } from "../../server/seed/shipped-news";
import { SHIPPED_INSTRUMENTS } from "../instruments";
import { createTagger } from "./tag-tickers";

const tag = createTagger(SHIPPED_INSTRUMENTS);
const HYUNDAI = "005380.KS";
const KIA = "000270.KS";
const KOSPI = "^KS11";

describe("createTagger over the shipped instruments", () => {
  it("finds a known symbol written in the text", () => {
    expect(tag("Shares of 005380.KS rose.")).toEqual([HYUNDAI]);
    expect(tag("(000270.KS)")).toEqual([KIA]);
  });

  it("ignores well-formed symbols of instruments it does not know", () => {
    expect(tag("Small cap 123456.KQ and 035720.KQ jumped")).toEqual([]);
  });

  it("does not read a symbol out of a longer code", () => {
    expect(tag("ref 1005380.KS and 005380.KSE and x005380.KS")).toEqual([]);
  });

  it("finds instruments by name and alias", () => {
    expect(tag("Hyundai Motor said on Monday")).toEqual([HYUNDAI]);
    expect(tag("Kia Corp reported")).toEqual([KIA]);
    expect(tag("Kia fell")).toEqual([KIA]);
    expect(tag("The KOSPI closed higher")).toEqual([KOSPI]);
    expect(tag("현대차 and 기아 rose")).toEqual([HYUNDAI, KIA]);
  });

  it("matches names whatever their case", () => {
    expect(tag("HYUNDAI MOTOR and kia and Kospi")).toEqual([HYUNDAI, KIA, KOSPI]);
  });

  it("matches whole words only", () => {
    expect(tag("A holiday in Kiama")).toEqual([]);
    expect(tag("Nokia phones and Skia graphics")).toEqual([]);
    expect(tag("NoHyundai Motor")).toEqual([]);
    expect(tag("Hyundai Steel raised prices")).toEqual([]);
    expect(tag("Kia's new model")).toEqual([KIA]);
  });

  it("treats Hyundai Motor Group as the conglomerate, not the carmaker", () => {
    expect(tag("Hyundai Motor Group announced a plan")).toEqual([]);
    expect(tag("Hyundai Motor Group said Hyundai Motor would invest")).toEqual([HYUNDAI]);
  });

  it("lists symbols in the instruments' order, whatever the order in the text", () => {
    expect(tag("KOSPI, then Kia, then Hyundai Motor")).toEqual([HYUNDAI, KIA, KOSPI]);
    expect(tag("Kia 000270.KS Kia")).toEqual([KIA]);
  });

  it("reads all the texts it is given", () => {
    expect(tag("Kia rallied", "Hyundai Motor too")).toEqual([HYUNDAI, KIA]);
    expect(tag()).toEqual([]);
  });

  it("tags the shipped news item with Hyundai Motor and Kia but not the KOSPI", () => {
    const [item] = SHIPPED_NEWS;
    expect(tag(item.headline, item.body)).toEqual([HYUNDAI, KIA]);
  });
});

describe("createTagger over other instruments", () => {
  it("only knows the instruments it was built with", () => {
    const [hyundai] = SHIPPED_INSTRUMENTS;
    const only = createTagger([hyundai!]);
    expect(only("Kia and Hyundai Motor and 000270.KS")).toEqual([HYUNDAI]);
  });

  it("escapes names that contain regex characters", () => {
    const odd = createTagger([{ ...SHIPPED_INSTRUMENTS[0]!, symbol: "111111.KS", name: "A.B (Holdings)", aliases: [] }]);
    expect(odd("A.B (Holdings) rose")).toEqual(["111111.KS"]);
    expect(odd("AxB (Holdings) rose")).toEqual([]);
  });
});
