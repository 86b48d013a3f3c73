import type { Tick } from "../../../contract/model";
import { dayKeyOf } from "../../../domain/market/kst";
import { MAX_TICKS_LIMIT } from "../../../contract/limits";
import { ApiError, fetchCandles, getApi } from "../transport/api-client";
import { RECENT_TRADES } from "../market/quote";

/** What a quote starts from when a replay jumps to `t`: the last trades and the previous close. */
export interface ReplayBaseline {
  recent: Tick[];
  last: Tick | null;
  prevClose: number | null;
}

const TAPE_LOOKBACK_MS = 10 * 60_000;
const DAILY_LOOKBACK_MS = 14 * 86_400_000;

/** Loads the quote of `symbol` as it stood at `t`, from stored ticks and daily bars only. */
export async function fetchReplayBaseline(symbol: string, t: number, signal: AbortSignal): Promise<ReplayBaseline> {
  const [ticksRes, daily] = await Promise.all([
    // A refused tick query leaves the tape empty; the daily bars still give a quote.
    getApi("GET /api/ticks", { symbol, from: t - TAPE_LOOKBACK_MS, to: t, limit: MAX_TICKS_LIMIT }, signal).catch(
      (error: unknown) => {
        if (error instanceof ApiError) return [];
        throw error;
      },
    ),
    fetchCandles({ symbol, interval: "1d", from: t - DAILY_LOOKBACK_MS, to: t + 1 }, signal),
  ]);
  const recent = ticksRes.slice(-RECENT_TRADES).reverse();
  const lastBar = daily.at(-1);
  const last =
    recent[0] ?? (lastBar ? { symbol, ts: lastBar.time * 1000, price: lastBar.close, size: 0, seq: 0 } : null);
  // The previous close is that of the last daily bar of an earlier day than the last trade.
  const day = last ? dayKeyOf(last.ts) : null;
  const before = daily.filter((bar) => day !== null && dayKeyOf(bar.time * 1000) < day).at(-1);
  return { recent, last, prevClose: before?.close ?? null };
}
