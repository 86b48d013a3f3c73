import type { Trade } from "../store/store";
import type { Bar } from "./parse-yahoo-row";
import type { BarWindow } from "./bar-window";

/**
 * Four trades that draw `bar` inside its window: the open at the start, the high and the
 * low a third and two thirds in (whichever lies nearer the open comes first, as a price
 * path usually reaches the near extreme first; the high on a tie), the close 1 s before
 * the end. Volume is split 25% each, whole shares, the remainder on the close.
 */
export function barToTicks(bar: Bar, window: Pick<BarWindow, "start" | "end">): Trade[] {
  // Whole seconds, so a daily bar's ticks land on round times (09:00, 11:10, 13:20, 15:29:59).
  const third = Math.floor((window.end - window.start) / 3_000) * 1_000;
  const lowFirst = bar.open - bar.low < bar.high - bar.open;
  const [first, second] = lowFirst ? [bar.low, bar.high] : [bar.high, bar.low];
  const quarter = Math.floor(bar.volume / 4);
  return [
    { ts: window.start, price: bar.open, size: quarter },
    { ts: window.start + third, price: first, size: quarter },
    { ts: window.start + 2 * third, price: second, size: quarter },
    { ts: window.end - 1_000, price: bar.close, size: bar.volume - 3 * quarter },
  ];
}
