import type { Instrument } from "../contract/model";

export const BENCHMARK = "^KS11";

/** The instruments Aftershock ships with; names and aliases feed the tagger. */
export const SHIPPED_INSTRUMENTS: readonly Instrument[] = [
  {
    symbol: "005380.KS",
    name: "Hyundai Motor",
    exchange: "KRX",
    currency: "KRW",
    timezone: "Asia/Seoul",
    kind: "stock",
    aliases: ["Hyundai Motor Company", "Hyundai Motor Co", "Hyundai Motors", "Hyundai Motor", "현대자동차", "현대차"],
    decimals: 0,
  },
  {
    symbol: "000270.KS",
    name: "Kia",
    exchange: "KRX",
    currency: "KRW",
    timezone: "Asia/Seoul",
    kind: "stock",
    aliases: ["Kia Corporation", "Kia Corp", "Kia Motors", "Kia", "기아"],
    decimals: 0,
  },
  {
    symbol: BENCHMARK,
    name: "KOSPI",
    exchange: "KRX",
    currency: "KRW",
    timezone: "Asia/Seoul",
    kind: "index",
    aliases: ["KOSPI", "Korea Composite Stock Price Index", "코스피"],
    decimals: 2,
  },
];
