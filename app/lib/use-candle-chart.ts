"use client";

import { type RefObject, useEffect, useState } from "react";
import type { Interval } from "../../contract/model";
import { CandleChart } from "./candle-chart";
import type { ChartPalette } from "./chart-palette";

/** Creates the chart in `host` once, and keeps its colours in step with the theme. */
export function useCandleChart(host: RefObject<HTMLDivElement | null>, decimals: number, interval: Interval, palette: ChartPalette): CandleChart | null {
  const [chart, setChart] = useState<CandleChart | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const created = new CandleChart(host.current, decimals, interval, palette);
    setChart(created);
    return () => {
      created.destroy();
      setChart(null);
    };
    // Interval and palette are applied by their own effects; only a new host or price
    // precision needs a new chart.
  }, [host, decimals]);

  useEffect(() => chart?.setPalette(palette), [chart, palette]);

  return chart;
}
