"use client";

import { useEffect, useState } from "react";
import type { Interval, Tick } from "../../contract/model";
import { fetchCandles } from "../lib/transport/api-client";
import type { CandleChart } from "../lib/charts/candle-chart";
import type { MarketSource } from "../lib/market/market-source";

/** Where a chart's bars stand: which interval is drawn, and a counter that moves with every new bar. */
export interface ChartHistory {
  loaded: Interval | null;
  barsVersion: number;
  error: string | null;
}

/**
 * Loads a chart's history and keeps it live. History is asked for up to (not including)
 * the millisecond after the last tick this page has seen; only ticks from that instant on
 * are folded in live, so no trade is counted twice or lost while the request is out.
 * Live ticks are folded into the chart as they arrive: the chart library draws once on
 * the next frame however many updates came, so holding them for a frame of our own would
 * only add a frame of latency.
 */
export function useChartHistory(
  chart: CandleChart | null,
  market: MarketSource,
  symbol: string,
  interval: Interval,
  from: number | null,
  epoch: number,
): ChartHistory {
  const [state, setState] = useState<ChartHistory>({ loaded: null, barsVersion: 0, error: null });

  useEffect(() => {
    if (!chart) return;
    const abort = new AbortController();
    let live = false;
    let off = () => {};
    const early: Tick[] = [];
    const fold = (ticks: readonly Tick[]) => {
      if (chart.applyTicks(ticks)) setState((s) => ({ ...s, barsVersion: s.barsVersion + 1 }));
    };
    // A replay jump reloads the same interval: the old bars stay up until the new ones are
    // drawn in one go, so seeking does not flash an empty chart.
    setState((s) => (s.loaded === interval && epoch > 0 ? { ...s, error: null } : { ...s, loaded: null, error: null }));

    market
      .whenReady(symbol)
      .then(async () => {
        if (abort.signal.aborted) return;
        early.push(...market.backlog(symbol));
        off = market.onTicks(symbol, (ticks) => (live ? fold(ticks) : early.push(...ticks)));
        const to = market.historyEnd(symbol);
        const candles = await fetchCandles({ symbol, interval, to, from: from ?? undefined }, abort.signal);
        if (abort.signal.aborted) return;
        chart.setHistory(interval, candles);
        chart.applyTicks(to === undefined ? [] : early.filter((tick) => tick.ts >= to));
        live = true;
        setState((s) => ({ loaded: interval, barsVersion: s.barsVersion + 1, error: null }));
      })
      .catch((reason: unknown) => {
        if (abort.signal.aborted) return;
        setState((s) => ({ ...s, error: reason instanceof Error ? reason.message : "could not load the chart" }));
      });

    return () => {
      abort.abort();
      off();
    };
  }, [chart, market, symbol, interval, from, epoch]);

  return state;
}
