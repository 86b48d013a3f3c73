import { AppError } from "../../contract/errors";
import type { Candle, Interval } from "../../contract/model";
import type { CandlesQuery } from "../../contract/schemas";
import { aggregateCandles } from "../../domain/candles/candle-builder";
import { DAY_MS } from "../../domain/market/kst";
import type { AppContext } from "./context";
import { requireInstrument } from "./require-instrument";
import { ensure } from "../../domain/invariant";

// How far back a chart looks when no range is given, in sessions, and the longest range
// one request may ask for (bounded so no request turns into a full-table scan).
const DEFAULT_SESSIONS: Record<Interval, number> = { "1s": 1, "1m": 5, "5m": 20, "1h": 120, "1d": 2_500 };
const MAX_RANGE_MS: Record<Interval, number> = {
  "1s": 2 * DAY_MS,
  "1m": 35 * DAY_MS,
  "5m": 120 * DAY_MS,
  "1h": 2 * 366 * DAY_MS,
  "1d": 20 * 366 * DAY_MS,
};

/** Bars for one symbol and interval, built from the stored ticks. */
export async function getCandles(ctx: AppContext, query: CandlesQuery): Promise<Candle[]> {
  requireInstrument(ctx, query.symbol);
  const last = ctx.market.lastTick(query.symbol);
  if (!last && query.to === undefined) return [];
  const to = query.to ?? ensure(last, `the last tick of ${query.symbol}`).ts + 1;
  const from = query.from ?? defaultFrom(ctx, query.interval, to);
  if (to - from > MAX_RANGE_MS[query.interval]) {
    throw new AppError(
      "bad_request",
      `range too long for ${query.interval} candles (at most ${MAX_RANGE_MS[query.interval] / DAY_MS} days)`,
    );
  }
  const trades = await ctx.store.ticks.trades(query.symbol, from, to);
  return aggregateCandles(trades, query.interval);
}

function defaultFrom(ctx: AppContext, interval: Interval, to: number): number {
  const sessions = Math.min(DEFAULT_SESSIONS[interval], Math.floor(MAX_RANGE_MS[interval] / DAY_MS / 1.5));
  let session = ctx.calendar.nextSession(to - 1);
  for (let i = 1; i < sessions; i++) session = ctx.calendar.previousSession(session.open);
  return Math.max(session.open, to - MAX_RANGE_MS[interval]);
}
