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
    expect(tag("Hyundai Steel raised prices")).toEqual(["004020.KS"]);
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
    const hyundai = SHIPPED_INSTRUMENTS.find((i) => i.symbol === HYUNDAI);
    const only = createTagger([hyundai!]);
    expect(only("Kia and Hyundai Motor and 000270.KS")).toEqual([HYUNDAI]);
  });

  it("escapes names that contain regex characters", () => {
    const odd = createTagger([
      { ...SHIPPED_INSTRUMENTS[0]!, symbol: "111111.KS", name: "A.B (Holdings)", aliases: [] },
    ]);
    expect(odd("A.B (Holdings) rose")).toEqual(["111111.KS"]);
    expect(odd("AxB (Holdings) rose")).toEqual([]);
  });
});

describe("createTagger on Korean and English news", () => {
  const MOBIS = "012330.KS";
  const SAMSUNG = "005930.KS";
  const BIOLOGICS = "207940.KS";

  it("reads Korean names followed by particles, and only particles", () => {
    for (const text of [
      "현대차가 3% 급등했다",
      "현대차는 강세",
      "현대차의 실적",
      "현대자동차가 짓는다",
      "현대차株 강세",
    ])
      expect(tag(text), text).toEqual([HYUNDAI]);
    for (const text of ["기아가 올랐다", "기아는 내렸다", "기아의 판매", "기아차 노조 파업"])
      expect(tag(text), text).toEqual([KIA]);
    expect(tag("코스피가 하락")).toEqual([KOSPI]);
    expect(tag("현대차그룹 회장")).toEqual([]);
    expect(tag("셀트리온가 올랐다")).toEqual([]); // 셀트리온 takes 이, not 가
    expect(tag("셀트리온이 올랐다")).toEqual(["068270.KS"]);
  });

  it("reads codes bare, with the board in any case, and in brackets", () => {
    expect(tag("005380 외국인 순매수")).toEqual([HYUNDAI]);
    expect(tag("005380.ks 신고가")).toEqual([HYUNDAI]);
    expect(tag("기아(000270) 목표가")).toEqual([KIA]);
    expect(tag("가격 1005380원")).toEqual([]);
  });

  it("lets the longest name win", () => {
    expect(tag("현대모비스 목표가 상향")).toEqual([MOBIS]);
    expect(tag("Hyundai Mobis wins an order")).toEqual([MOBIS]);
    expect(tag("Samsung Biologics signs a deal")).toEqual([BIOLOGICS]);
    expect(tag("Samsung Electronics and Samsung Biologics")).toEqual([SAMSUNG, BIOLOGICS]);
  });

  it("needs context for ambiguous names", () => {
    expect(tag("KIA Tigers win Korean Series")).toEqual([]);
    expect(tag("아프리카 기아 문제")).toEqual([]);
    expect(tag("기근과 기아에 시달리는 아이들")).toEqual([]);
    expect(tag("기아, 아프리카 시장 진출")).toEqual([KIA]);
    expect(tag("Hyundai family memorial")).toEqual([]);
    expect(tag("Hyundai recalls 90,000 cars")).toEqual([HYUNDAI]);
    expect(tag("Samsung chairman in court")).toEqual([]);
    expect(tag("Samsung unveils a Galaxy phone")).toEqual([SAMSUNG]);
  });

  it("matches short capitals only in capitals", () => {
    expect(tag("HMM slides")).toEqual(["011200.KS"]);
    expect(tag("hmm, quiet day")).toEqual([]);
  });
});
