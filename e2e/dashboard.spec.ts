import AxeBuilder from "@axe-core/playwright";
import { type Page, type TestInfo, expect, test } from "@playwright/test";

// The headline the product ships with: 22 Oct 2025 13:07 KST, naming Hyundai Motor and Kia.
const SEED_ID = "seed-2025-10-22-korea-us-tariff-talks";
const SEED_T0 = Date.parse("2025-10-22T13:07:00+09:00") / 1000;
const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"] as const;
const TAGGED = ["005380.KS", "000270.KS"] as const;

// A laptop screen; the system asks for dark, which is also the default.
test.use({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });

/** Opens the dashboard and waits until every chart has drawn its history. */
async function openDashboard(page: Page, path = "/") {
  await page.goto(path);
  for (const symbol of SYMBOLS) {
    await expect(page.getByTestId(`chart-${symbol}`)).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
  }
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = `e2e/artifacts/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const markerCount = async (page: Page, symbol: string) =>
  Number(await page.getByTestId(`chart-${symbol}`).getAttribute("data-marker-count"));

test.describe("dashboard", () => {
  test("draws a live chart per ticker with the seed headline's markers", async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByTestId("feed-badge")).toHaveText(/simulated/i);

    for (const symbol of SYMBOLS) {
      const chart = page.getByTestId(`chart-${symbol}`);
      await expect(chart).toHaveAttribute("role", "img");
      await expect(chart).toHaveAttribute("aria-label", new RegExp(symbol.replace(/[.^]/g, "\\$&")));
      await expect(chart.locator("canvas").first()).toBeVisible();
    }
    for (const symbol of TAGGED) expect(await markerCount(page, symbol), `${symbol} markers`).toBeGreaterThanOrEqual(1);

    const seed = page.locator(`[data-testid="news-item"][data-news-id="${SEED_ID}"]`);
    await expect(seed).toContainText("Hyundai Motor");
    await expect(seed).toContainText("13:07 KST");
  });

  test("header shows the market clock in KST and a live connection", async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByTestId("market-clock")).toContainText(/\d{2}:\d{2}:\d{2} KST/);
    await expect(page.getByTestId("market-clock")).toContainText(/open|closed/i);
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected");
    await expect(page.getByTestId("connection-status")).toContainText("Live");
  });

  test("the KOSPI last price moves within 10 s", async ({ page }) => {
    await openDashboard(page);
    const last = page.getByTestId("watchlist-row-^KS11").getByTestId("last-price");
    await expect(last).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    const first = await last.innerText();
    await expect.poll(() => last.innerText(), { timeout: 10_000, intervals: [250] }).not.toBe(first);
    // Stocks are whole won with thousands separators.
    await expect(page.getByTestId("watchlist-row-005380.KS").getByTestId("last-price")).toHaveText(
      /^\d{1,3}(,\d{3})+$/,
    );
  });

  test("selecting the headline zooms the charts to its reaction", async ({ page }) => {
    await openDashboard(page);
    // From the daily chart, focusing a headline switches to 1m bars.
    await page.getByTestId("interval-1d").click();
    await expect(page.getByTestId("interval-1d")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("chart-005380.KS")).toHaveAttribute("data-interval", "1d");

    const seed = page.locator(`[data-testid="news-item"][data-news-id="${SEED_ID}"]`);
    const headline = seed.getByTestId("news-headline");
    await headline.focus();
    await page.keyboard.press("Enter");

    await expect(headline).toHaveAttribute("aria-expanded", "true");
    await expect(seed).toContainText("Lutnick"); // the body, as plain text
    await expect(page.getByTestId("interval-1m")).toHaveAttribute("aria-pressed", "true");
    for (const symbol of TAGGED) {
      const chart = page.getByTestId(`chart-${symbol}`);
      await expect(chart).toHaveAttribute("data-interval", "1m");
      await expect(chart).toHaveAttribute("data-ready", "true");
      // The visible range now holds the headline and spans about the 90-minute reaction window.
      await expect
        .poll(async () => {
          const from = Number(await chart.getAttribute("data-visible-from"));
          const to = Number(await chart.getAttribute("data-visible-to"));
          return from <= SEED_T0 && SEED_T0 <= to && to - from <= 3 * 3_600;
        })
        .toBe(true);
    }
    await expect(page).toHaveURL(new RegExp(`news=${SEED_ID}`));
  });

  test("opens on the headline a link names (?news=ID)", async ({ page }) => {
    await openDashboard(page, `/?news=${SEED_ID}`);
    const seed = page.locator(`[data-testid="news-item"][data-news-id="${SEED_ID}"]`);
    await expect(seed.getByTestId("news-headline")).toHaveAttribute("aria-expanded", "true");
    const chart = page.getByTestId("chart-005380.KS");
    await expect
      .poll(
        async () =>
          Number(await chart.getAttribute("data-visible-from")) <= SEED_T0 &&
          SEED_T0 <= Number(await chart.getAttribute("data-visible-to")),
      )
      .toBe(true);
  });

  test("a posted headline appears without a reload", async ({ page, request }) => {
    await openDashboard(page);
    const before = await page.getByTestId("news-item").count();
    const marketTime = Number(await page.getByTestId("market-clock").getAttribute("data-market-time"));
    // No instrument is named, so other suites' reaction tables are not disturbed.
    const headline = `Dashboard check ${Date.now()}: exchange notice`;
    const res = await request.post("/api/news", {
      data: { headline, body: "<b>not bold</b>", publishedAt: new Date(marketTime).toISOString(), source: "E2E Wire" },
    });
    expect(res.status()).toBe(201);
    await expect(page.getByTestId("news-item")).toHaveCount(before + 1);
    await expect(page.getByTestId("news-item").first()).toContainText(headline);
    await page.getByTestId("news-item").first().getByTestId("news-headline").click();
    await expect(page.getByTestId("news-item").first()).toContainText("<b>not bold</b>");
  });

  test("a headline stored while the page is still connecting shows once it connects", async ({ page, request }) => {
    // The Socket.IO handshake is held back until the stored headlines are loaded and a new
    // one is stored: it is pushed to connected pages only, so the page must read it itself.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/socket.io/**", async (route) => {
      await released;
      await route.continue();
    });
    const storedLoaded = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/news");
    await page.goto("/");
    await storedLoaded;
    await expect(page.getByTestId("connection-status")).not.toHaveAttribute("data-state", "connected");
    const headline = `Connecting check ${Date.now()}: exchange notice`;
    const res = await request.post("/api/news", {
      data: {
        headline,
        body: "Stored before the page connected.",
        publishedAt: new Date().toISOString(),
        source: "E2E Wire",
      },
    });
    expect(res.status()).toBe(201);
    release();
    await expect(page.getByTestId("news-item").filter({ hasText: headline })).toHaveCount(1, { timeout: 15_000 });
  });

  test("the theme toggle switches and remembers the theme", async ({ page }) => {
    await openDashboard(page);
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.getByTestId("theme-toggle").click();
    await expect(html).toHaveAttribute("data-theme", "light");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "light");
    await page.getByTestId("theme-toggle").click();
    await expect(html).toHaveAttribute("data-theme", "dark");
  });

  test("fits a 390 px phone window without scrolling sideways", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDashboard(page);
    // A chart head or toolbar that cannot wrap widens the page past the window.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await saveScreenshot(page, testInfo, "dashboard-narrow");
  });

  for (const theme of ["dark", "light"] as const) {
    test(`has no serious accessibility violations in the ${theme} theme`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: theme });
      await openDashboard(page);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      for (const symbol of TAGGED) await expect.poll(() => markerCount(page, symbol)).toBeGreaterThanOrEqual(1);
      await saveScreenshot(page, testInfo, `dashboard-${theme}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
