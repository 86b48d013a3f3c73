import { type Page, expect, test } from "@playwright/test";
import type { Candle } from "../contract/model";

// Every chart must hold exactly the bars the server builds from its stored ticks: a live
// tick lost on the way (or folded in twice) shows as a hole (or a double bar), which the
// eye misses at 1-minute spacing but a count does not.
const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"] as const;
const HYUNDAI = "005380.KS";
const BAR_S = 60;
// At the e2e feed speed (x20) a 1-minute bar takes 3 s: two more bars after the headline.
const BARS_AFTER_HEADLINE = 2;

test.use({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });

interface DrawnSpan {
  count: number;
  first: number;
  last: number;
}

/** What one chart has drawn, read in one go so count and times belong together. */
async function drawnSpan(page: Page, symbol: string): Promise<DrawnSpan> {
  return page.getByTestId(`chart-${symbol}`).evaluate((el: HTMLElement) => ({
    count: Number(el.dataset.barCount),
    first: Number(el.dataset.firstBarTime),
    last: Number(el.dataset.lastBarTime),
  }));
}

test.describe("chart integrity", () => {
  test("1m charts match /api/candles bar for bar while a headline arrives", async ({ page, request }) => {
    await page.goto("/");
    for (const symbol of SYMBOLS) {
      const chart = page.getByTestId(`chart-${symbol}`);
      await expect(chart).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
      await expect(chart).toHaveAttribute("data-interval", "1m");
      await expect(chart).toHaveAttribute("data-bar-count", /^[1-9]\d*$/);
    }

    // A headline naming Hyundai Motor, published at the feed's own time, while the page is open.
    const marketTime = Number(await page.getByTestId("market-clock").getAttribute("data-market-time"));
    expect(marketTime).toBeGreaterThan(0);
    const headline = `Chart integrity ${Date.now()}: Hyundai Motor unveils a new EV plant`;
    const posted = await request.post("/api/news", {
      data: {
        headline,
        body: "Hyundai Motor said it will build a new plant.",
        publishedAt: new Date(marketTime).toISOString(),
        source: "E2E Wire",
      },
    });
    expect(posted.status()).toBe(201);
    const item = page.locator('[data-testid="news-item"]', { hasText: headline });
    await expect(item).toBeVisible();
    await expect(item).toContainText(HYUNDAI);

    // Live bars keep opening after it; the headline's own bar is then history.
    const headlineBar = Math.floor(marketTime / 1000 / BAR_S) * BAR_S;
    await expect
      .poll(async () => (await drawnSpan(page, HYUNDAI)).last, {
        message: "Hyundai Motor's chart keeps opening bars",
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(headlineBar + BARS_AFTER_HEADLINE * BAR_S);

    for (const symbol of SYMBOLS) {
      const drawn = await drawnSpan(page, symbol);
      // The same range from the server: the first drawn bar up to and including the last.
      const params = new URLSearchParams({
        symbol,
        interval: "1m",
        from: String(drawn.first * 1000),
        to: String((drawn.last + BAR_S) * 1000),
      });
      const res = await request.get(`/api/candles?${params}`);
      expect(res.status(), `/api/candles for ${symbol}`).toBe(200);
      const candles = (await res.json()) as Candle[];
      expect(candles.at(0)?.time, `${symbol} first bar`).toBe(drawn.first);
      expect(candles.at(-1)?.time, `${symbol} last bar`).toBe(drawn.last);
      expect(drawn.count, `${symbol}: bars drawn against bars stored between ${drawn.first} and ${drawn.last}`).toBe(
        candles.length,
      );
    }
  });
});
