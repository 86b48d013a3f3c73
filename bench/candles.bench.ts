import { BENCHMARK } from "../domain/instruments";
import { kstTime } from "../domain/market/kst";
import { type BenchResult, median, result, trace } from "./harness";
import { type Timed, withSeededApp } from "./seeded-app";

const DAY = "2025-10-21";
const RANGE = { symbol: BENCHMARK, from: kstTime(DAY, 9), to: kstTime(DAY, 15, 30) };
const REQUESTS = 5;

/** GET /api/candles for a day of one symbol, against the raw store read of the same trades. */
export async function benchCandles(_quick: boolean): Promise<BenchResult[]> {
  return withSeededApp(async (app) => {
    const results: BenchResult[] = [];
    for (const interval of ["1s", "1m"] as const) {
      const url = `${app.info.url}/api/candles?symbol=${encodeURIComponent(RANGE.symbol)}&interval=${interval}&from=${RANGE.from}&to=${RANGE.to}`;
      const api: number[] = [];
      const raw: number[] = [];
      let bars = 0;
      // Request 0 warms both paths up (JIT, SQLite page cache, the HTTP connection) and is not counted.
      for (let run = 0; run <= REQUESTS; run++) {
        const read = await app.request<Timed>("trades", RANGE);
        const fetched = await get(url);
        trace(
          `candles ${interval} run ${run}: API ${fetched.ms.toFixed(1)} ms (${fetched.count} bars), trades ${read.ms.toFixed(1)} ms`,
        );
        if (run > 0) {
          api.push(fetched.ms);
          raw.push(read.ms);
        }
        bars = fetched.count;
      }
      results.push(
        result(
          `candles ${interval}: GET /api/candles, ${BENCHMARK} ${DAY} (${bars.toLocaleString("en-US")} bars), median of ${REQUESTS}`,
          median(api),
          "ms",
          {
            name: "store.ticks.trades of the same day (raw read)",
            value: median(raw),
          },
        ),
      );
    }
    return results;
  });
}

// Until the whole answer has arrived; parsing it is the client's time, not the API's.
async function get(url: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  const body = await res.text();
  const ms = performance.now() - started;
  return { count: (JSON.parse(body) as unknown[]).length, ms };
}
