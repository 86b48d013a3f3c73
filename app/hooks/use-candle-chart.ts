"use client";

import { type RefObject, useEffect, useRef, useState } from "react";
import type { Interval } from "../../contract/model";
import type { CandleChart } from "../lib/charts/candle-chart";
import type { ChartPalette } from "../lib/charts/chart-palette";

/**
 * Creates the chart in `host` once, and keeps its colours in step with the theme. The chart
 * code (lightweight-charts, ~45 KB gzip) is loaded here, after the first paint, rather than
 * with the page: the panels render their frames and labels first, the canvas a moment later.
 */
export function useCandleChart(
  host: RefObject<HTMLDivElement | null>,
  decimals: number,
  interval: Interval,
  palette: ChartPalette,
): CandleChart | null {
  const [chart, setChart] = useState<CandleChart | null>(null);
  // The chart is built when its code has loaded: with the interval and palette of that moment.
  const latest = useRef({ interval, palette });
  latest.current = { interval, palette };

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let created: CandleChart | null = null;
    let cancelled = false;
    void import("../lib/charts/candle-chart").then(({ CandleChart }) => {
      if (cancelled) return;
      created = new CandleChart(element, decimals, latest.current.interval, latest.current.palette);
      setChart(created);
    });
    return () => {
      cancelled = true;
      created?.destroy();
      setChart(null);
    };
    // Interval and palette are applied by their own effects; only a new host or price
    // precision needs a new chart.
  }, [host, decimals]);

  useEffect(() => chart?.setPalette(palette), [chart, palette]);

  return chart;
}
