import { AppError } from "../../contract/errors";
import type { Instrument } from "../../contract/model";
import type { AppContext } from "./context";

/** The instrument for `symbol`, or a 404 naming it. */
export function requireInstrument(ctx: Pick<AppContext, "instruments">, symbol: string): Instrument {
  const instrument = ctx.instruments.get(symbol);
  if (!instrument) throw new AppError("not_found", `unknown symbol ${symbol}`);
  return instrument;
}
