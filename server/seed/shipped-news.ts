/**
 * The news Aftershock ships with, written in the project's own words from the report's
 * facts. Tickers are deliberately not listed: the tagger finds them in the text. `impact`
 * is what the simulated history makes of the headline (Aftershock's prices are simulated).
 */
export const SHIPPED_NEWS = [
  {
    id: "seed-2025-10-22-korea-us-tariff-talks",
    publishedAt: "2025-10-22T13:07:00+09:00",
    source: "Reuters via The Japan News",
    url: null,
    headline:
      "Seoul sends top officials to Washington to close tariff deal; Hyundai Motor, Kia shares rallied on hopes",
    body: [
      "SEOUL — Presidential policy secretary Kim Yong-beom and industry minister Kim Jung-kwan head to Washington on Wednesday for urgent talks with US Commerce Secretary Howard Lutnick, whom they last met on Friday, in a push to settle a tariff agreement that has stalled over how South Korea's $350 billion investment pledge would work. The talks come ahead of the APEC summit that South Korea hosts later this month, where the two countries' leaders are expected to meet.",
      "Kim Yong-beom said the two sides had narrowed their differences on many points but still disagreed on a couple, and that he would not sign a partial agreement simply to meet a deadline; the aim was a deal that served both countries. According to Seoul, Washington has stopped insisting that the money be paid upfront and mostly as equity, a demand Seoul had warned could unsettle its foreign-exchange market. Both governments have sounded hopeful about a breakthrough.",
      "Carmakers have the most riding on the outcome: US tariffs on South Korean cars remain at 25% until a final deal is signed, while duties on other South Korean goods have already come down to 15%. Shares of Hyundai Motor (005380.KS) and Kia Corp (000270.KS) rallied on Tuesday on hopes of a breakthrough.",
    ].join("\n\n"),
    impact: { "005380.KS": 0.032, "000270.KS": 0.026, "^KS11": 0.004 },
  },
] as const;
