import { type Direction, arrowOf, directionOf, formatPercent, formatSignedPrice } from "./format-number";
import { type Quote, changeOf } from "../market/quote";

/** A quote's change as the page shows it: direction (colour), arrow, signed amount and percent. */
export interface ChangeText {
  direction: Direction;
  arrow: string;
  abs: string;
  pct: string;
}

/** Describes the change against the previous close; dashes while it is unknown. */
export function describeChange(quote: Quote, decimals: number): ChangeText {
  const change = changeOf(quote);
  if (!change) return { direction: "flat", arrow: "", abs: "\u2013", pct: "\u2013" };
  const direction = directionOf(change.abs, decimals);
  return {
    direction,
    arrow: arrowOf(direction),
    abs: formatSignedPrice(change.abs, decimals),
    pct: formatPercent(change.pct),
  };
}
