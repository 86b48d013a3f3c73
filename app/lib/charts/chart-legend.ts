import type { Candle } from "../../../contract/model";
import { formatPrice } from "../format/format-number";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** The hovered bar as one line: "O 217,500  H 218,000  L 217,000  C 217,500  V 12.3K". */
export function formatLegend(bar: Candle, decimals: number): string {
  const p = (value: number) => formatPrice(value, decimals);
  return `O ${p(bar.open)}  H ${p(bar.high)}  L ${p(bar.low)}  C ${p(bar.close)}  V ${compact.format(bar.volume)}`;
}
