import { AppError } from "../../contract/errors";
import type { Instrument } from "../../contract/model";
import type { AppContext } from "./context";

/** The instrument for `symbol`, or a 404 naming the field (`symbol` unless given) and the value. */
export function requireInstrument(ctx: Pick<AppContext, "instruments">, symbol: string, field = "symbol"): Instrument {
  const instrument = ctx.instruments.get(symbol);
  if (!instrument) throw new AppError("not_found", `${field}: "${symbol}" is not a known instrument`);
  return instrument;
}
