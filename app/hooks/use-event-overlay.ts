"use client";

import { useEffect, useState } from "react";
import { BENCHMARK } from "../../domain/benchmark";
import { KrxCalendar } from "../../domain/market/krx-calendar";
import {
  OVERLAY_AFTER_S,
  OVERLAY_BEFORE_S,
  type OverlayData,
  type OverlayLine,
  lastPriceAtOrBefore,
  sampleRebased,
} from "../lib/charts/event-overlay-series";
import { ApiError, fetchReactions, fetchTicksBetween } from "../lib/transport/reaction-api";

/** While the +60m window is still open the lines grow; this is how often they are redrawn. */
export const OVERLAY_REFRESH_MS = 15_000;

export interface OverlayState {
  data: OverlayData | null;
  error: string | null;
}

const calendar = new KrxCalendar();
const MINUTE = 60_000;

/** The headline's tickers and the benchmark around t0, rebased to 0% at t0. */
export function useEventOverlay(newsId: string): OverlayState {
  const [state, setState] = useState<OverlayState>({ data: null, error: null });

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ data: null, error: null });

    const load = async () => {
      try {
        const reactions = await fetchReactions(newsId);
        if (abort.signal.aborted) return;
        const first = reactions[0];
        if (!first) {
          setState({ data: null, error: "No prices before the headline: nothing to draw." });
          return;
        }
        const t0 = Date.parse(first.t0);
        const from = t0 - OVERLAY_BEFORE_S * 1000;
        const to = t0 + OVERLAY_AFTER_S * 1000;
        // The card's pre-event price is the base of each ticker, so the chart's 0% is the
        // card's 0%; the benchmark has no reaction of its own unless the headline names it.
        const bases = new Map(reactions.map((r) => [r.symbol, r.preEventPrice]));
        const symbols = [...reactions.map((r) => r.symbol).filter((s) => s !== BENCHMARK), BENCHMARK];
        const lines = await Promise.all(
          symbols.map(async (symbol): Promise<OverlayLine> => {
            const ticks = await fetchTicksBetween(symbol, from, to, abort.signal);
            const base =
              bases.get(symbol) ?? lastPriceAtOrBefore(ticks, t0) ?? (await previousClose(symbol, t0, abort.signal));
            return {
              symbol,
              benchmark: symbol === BENCHMARK,
              points: base === null ? [] : sampleRebased(ticks, t0, base),
            };
          }),
        );
        setState({ data: { t0, lines }, error: null });
        if (reactions.some((r) => r.returns["60m"] === null)) timer = setTimeout(() => void load(), OVERLAY_REFRESH_MS);
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status < 500) {
          setState({ data: null, error: error.status === 404 ? "Unknown headline." : error.message });
          return;
        }
        setState((s) => ({ ...s, error: `Could not load prices: ${(error as Error).message}` }));
        timer = setTimeout(() => void load(), OVERLAY_REFRESH_MS);
      }
    };
    void load();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [newsId]);

  return state;
}

// A headline at the open has no trade in the half hour before it: its base is the last
// trade of the previous session.
async function previousClose(symbol: string, t0: number, signal: AbortSignal): Promise<number | null> {
  const close = calendar.previousSession(t0).close;
  const ticks = await fetchTicksBetween(symbol, close - 10 * MINUTE, close, signal);
  return ticks[ticks.length - 1]?.price ?? null;
}
