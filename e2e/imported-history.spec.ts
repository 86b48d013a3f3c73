import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type Page, expect, test } from "@playwright/test";
import { type ScenarioServer, startAppServer } from "./support/scenario-server";

// A user's path with real history: a dashboard started for it (no simulated history),
// Yahoo's daily CSVs of Hyundai Motor and KOSPI imported while it runs, then the 8 Jan 2021
// report of talks with Apple posted. The fixtures are real (test/fixtures/yahoo/README.md).
const T0 = Date.parse("2021-01-08T08:30:00+09:00");
const SYMBOLS = ["005380.KS", "^KS11"] as const;
const SHOTS = process.env.AFTERSHOCK_SHOTS ?? "e2e/artifacts";

test.use({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });

let server: ScenarioServer & { dbFile: string };
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startAppServer({ FEED: "off", SEED_HISTORY: "false" });
});
test.afterAll(async () => server?.stop());

async function importCsv(symbol: string, file: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "server/cli/import.ts", "--symbol", symbol, file],
    {
      env: { ...process.env, DATABASE_URL: `file:${server.dbFile}` },
      timeout: 120_000,
    },
  );
  return stdout;
}

async function visibleRange(page: Page, symbol: string): Promise<[number, number]> {
  const chart = page.getByTestId(`chart-${symbol}`);
  return [Number(await chart.getAttribute("data-visible-from")), Number(await chart.getAttribute("data-visible-to"))];
}

test("real daily history imported into a running dashboard: labelled IMPORTED, a headline moves every chart to its day in daily bars", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto(server.url);
  await expect(page.getByTestId("feed-badge")).not.toHaveText(/simulated/i);

  expect(await importCsv("005380.KS", "test/fixtures/yahoo/005380.KS.csv")).toMatch(/^imported \d+ ticks/);
  expect(await importCsv("^KS11", "test/fixtures/yahoo/KS11.csv")).toMatch(/^imported \d+ ticks/);

  // No reload: the server announces the imports and the page relabels and redraws.
  const badge = page.getByTestId("feed-badge");
  await expect(badge).toContainText("IMPORTED", { timeout: 30_000 });
  await expect(badge).toContainText("005380.KS.csv");
  await expect(badge).toContainText("KS11.csv");
  await expect(page.getByTestId("chart-source-005380.KS")).toHaveText("IMPORTED · 005380.KS.csv");
  await expect(page.getByTestId("data-disclaimer")).toContainText("imported from 005380.KS.csv (real market data)");
  await expect(page.getByTestId("data-disclaimer")).not.toContainText("simulated");
  // The watchlist has the last imported close (26 Feb 2021) without a reload.
  const quote = page.getByTestId("chart-005380.KS").locator("xpath=ancestor::article").getByTestId("chart-price");
  await expect(quote).toHaveText("237,000", { timeout: 30_000 });
  // Priced since the page loaded, so no longer "no prices"; Kia, not imported, still says so.
  await expect(page.getByTestId("watchlist-row-005380.KS").getByTestId("no-data")).toHaveCount(0);
  await expect(page.getByTestId("watchlist-row-000270.KS").getByTestId("no-data")).toBeVisible();

  const res = await page.request.post(`${server.url}/api/news`, {
    data: {
      headline: "Hyundai Motor in talks with Apple on an electric car",
      body: "Hyundai Motor said it is in early talks with Apple on developing self-driving electric cars.",
      publishedAt: new Date(T0).toISOString(),
      source: "e2e",
      tickers: ["005380.KS"],
    },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const item = page.locator(`[data-testid="news-item"][data-news-id="${id}"]`);
  await expect(item).toBeVisible({ timeout: 30_000 });
  await item.getByTestId("news-headline").click();

  // Every chart moves to 8 Jan 2021, in daily bars (the only resolution this history has).
  for (const symbol of SYMBOLS) {
    const chart = page.getByTestId(`chart-${symbol}`);
    await expect(chart).toHaveAttribute("data-interval", "1d", { timeout: 30_000 });
    await expect(chart).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await expect
      .poll(
        async () => {
          const [from, to] = await visibleRange(page, symbol);
          return from <= T0 / 1000 && T0 / 1000 <= to && to - from < 400 * 86_400;
        },
        { timeout: 30_000, message: `${symbol} shows 8 Jan 2021` },
      )
      .toBe(true);
  }
  await page.screenshot({ path: `${SHOTS}/i11data-imported-headline.png`, fullPage: false });

  // A daily event study on the imported history: two more dated headlines of 2020 (the
  // second-quarter results on 23 Jul, Euisun Chung named chairman on 14 Oct) beside it.
  for (const [publishedAt, headline] of [
    ["2020-07-23T08:00:00+09:00", "Hyundai Motor reports second-quarter 2020 results"],
    ["2020-10-14T08:00:00+09:00", "Hyundai Motor Group names Euisun Chung chairman"],
  ]) {
    const posted = await page.request.post(`${server.url}/api/news`, {
      data: { headline, body: headline, publishedAt, source: "e2e", tickers: ["005380.KS"] },
    });
    expect(posted.status()).toBe(201);
  }
  await page.goto(`${server.url}/study?symbol=005380.KS&resolution=daily&source=e2e`);
  await expect(page.getByLabel("Event time")).toHaveValue("daily");
  await expect(page.getByTestId("study-summary")).toContainText("3 of 3 headlines naming 005380.KS studied (daily", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("study-summary")).toContainText("Over days 0…+20 they moved");
  await expect(page.getByTestId("study-chart")).toHaveAttribute("aria-label", /over trading days/);
  await expect(page.getByTestId("study-windows").getByRole("rowheader")).toHaveText([
    "day 0",
    "days −1…+1",
    "days 0…+1",
    "days 0…+5",
    "days 0…+20",
  ]);
  await expect(page.getByTestId("study-events").getByRole("row").nth(1)).toContainText("Thu 23 Jul 2020");
  await page.screenshot({ path: `${SHOTS}/i13-study-daily.png`, fullPage: true });
});
