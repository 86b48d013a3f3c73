import type { Instrument } from "../../contract/model";
import { SHIPPED_INSTRUMENTS } from "../../domain/instruments";

/**
 * The instrument to create for a symbol the database does not know: the shipped
 * definition when there is one (it carries the tagger's aliases), else a bare KRX listing.
 */
export function importInstrument(symbol: string, name?: string): Instrument {
  const shipped = SHIPPED_INSTRUMENTS.find((i) => i.symbol === symbol);
  if (shipped) return { ...shipped, aliases: [...shipped.aliases], name: name ?? shipped.name };
  const kind = symbol.startsWith("^") ? "index" : "stock";
  return {
    symbol,
    name: name ?? symbol,
    nameKo: name ?? symbol,
    exchange: "KRX",
    currency: "KRW",
    timezone: "Asia/Seoul",
    kind,
    aliases: [],
    // Index levels carry hundredths; KRX share prices are whole won.
    decimals: kind === "index" ? 2 : 0,
  };
}
