import { describe, expect, it } from "vitest";
import type { Instrument, Tick } from "../../contract/model";
import { getOk } from "../support/http";
import { useTestApp } from "../support/start-test-app";

const app = useTestApp({ env: { FEED_SYMBOLS: "005930.KS,005380.KS" } });

describe("FEED_SYMBOLS", () => {
  it("simulates the named universe instruments and the benchmark, and no others", async () => {
    const instruments = await getOk<Instrument[]>(app.url, "/api/instruments");
    expect(
      instruments
        .filter((i) => i.hasData)
        .map((i) => i.symbol)
        .sort(),
    ).toEqual(["005380.KS", "005930.KS", "^KS11"]);
    const samsung = await getOk<Tick[]>(app.url, "/api/ticks?symbol=005930.KS&limit=50");
    expect(samsung.length).toBeGreaterThan(0);
    // Near the universe file's opening level of 100,000 won, on the KRX tick ladder.
    for (const tick of samsung) {
      expect(tick.price).toBeGreaterThan(50_000);
      expect(tick.price).toBeLessThan(200_000);
      expect(tick.price % 50).toBe(0);
    }
    expect(await getOk<Tick[]>(app.url, "/api/ticks?symbol=000270.KS&limit=5")).toEqual([]);
  });
});
