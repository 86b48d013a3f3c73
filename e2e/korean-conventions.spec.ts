import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";

// A browser set up the American way: 12-hour clock, New York time. The page must still
// show and read KRX's 24-hour KST, and offer the KRX colour convention.
test.use({
  viewport: { width: 1280, height: 800 },
  colorScheme: "dark",
  locale: "en-US",
  timezoneId: "America/New_York",
});

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"] as const;
const SEED_ID = "seed-2025-10-22-korea-us-tariff-talks";
const SHOTS = process.env.SHOTS_DIR;

async function openDashboard(page: Page) {
  await page.goto("/");
  for (const symbol of SYMBOLS) {
    await expect(page.getByTestId(`chart-${symbol}`)).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
  }
}

// SHOTS_DIR=… saves what the viewer sees in each convention and theme, for review.
const shoot = async (page: Page, name: string) =>
  void (SHOTS && (await page.screenshot({ path: `${SHOTS}/i12b-${name}.png` })));

// Red and blue text must still meet WCAG AA contrast in both themes.
const contrastProblems = async (page: Page) =>
  (await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze()).violations.flatMap((v) =>
    v.nodes.map((n) => n.target.join(" ")),
  );

const upColorOf = (page: Page) =>
  page
    .getByTestId("color-toggle")
    .getByTestId("swatch-up")
    .evaluate((el) => getComputedStyle(el).color);

test.describe("for Korean users", () => {
  test("the replay range reads and writes 24-hour KST in a 12-hour locale", async ({ page }) => {
    await openDashboard(page);
    // The browser really is 12-hour: a time it formats itself says PM.
    expect(await page.evaluate(() => new Date(2025, 9, 22, 13, 5).toLocaleTimeString())).toMatch(/PM/);

    const from = page.getByTestId("replay-from");
    await expect(from).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await from.fill("2025-10-22 13:05:00");
    await page.getByTestId("replay-to").fill("2025-10-22 14:35:00");
    await expect(from).toHaveValue("2025-10-22 13:05:00");
    await page.getByTestId("replay-start").click();
    // The typed afternoon is read as 13:05 KST, not 1:05 a.m. or New York time.
    await expect(page.getByTestId("feed-badge")).toContainText("22 Oct 13:05 – 14:35");
    await expect(page.getByTestId("replay-goto")).toHaveValue(/^1[34]:\d{2}:\d{2}$/);
  });

  test("a 12-hour time is refused with a message, not misread", async ({ page }) => {
    await openDashboard(page);
    await page.getByTestId("replay-from").fill("2025-10-22 1:05:00 PM");
    await page.getByTestId("replay-to").fill("2025-10-22 14:35:00");
    await page.getByTestId("replay-start").click();
    // The pattern stops the form; the page never starts a replay of the wrong hours.
    expect(
      await page.getByTestId("replay-from").evaluate((el) => (el as HTMLInputElement).validity.patternMismatch),
    ).toBe(true);
    await expect(page.getByTestId("feed-badge")).toHaveText(/simulated/i);
  });

  test("the colour switch flips up to red (KRX) for quotes and candles, and is remembered", async ({ page }) => {
    await openDashboard(page);
    const html = page.locator("html");
    const chart = page.getByTestId("chart-005380.KS");
    await expect(html).toHaveAttribute("data-colors", "western");
    expect(await upColorOf(page)).toBe("rgb(63, 185, 80)");
    await expect(chart).toHaveAttribute("data-up-color", "#3fb950");
    await shoot(page, "western-dark");

    await page.getByTestId("color-toggle").click();
    await expect(html).toHaveAttribute("data-colors", "krx");
    expect(await upColorOf(page)).toBe("rgb(248, 81, 73)");
    await expect(chart).toHaveAttribute("data-up-color", "#f85149");

    await openDashboard(page); // a new visit
    await expect(html).toHaveAttribute("data-colors", "krx");
    expect(await upColorOf(page)).toBe("rgb(248, 81, 73)");
    await expect(chart).toHaveAttribute("data-up-color", "#f85149");
    // Down is blue under KRX: a falling quote must not look like a rising one did before.
    expect(
      await page
        .getByTestId("color-toggle")
        .getByTestId("swatch-down")
        .evaluate((el) => getComputedStyle(el).color),
    ).toBe("rgb(108, 182, 255)");

    // The seed headline's tags carry the Korean names beside the codes.
    const item = page.locator(`[data-testid="news-item"][data-news-id="${SEED_ID}"]`);
    await expect(item.getByTestId("ticker-chip").filter({ hasText: "005380.KS" })).toContainText("현대차");
    await item.getByTestId("news-headline").click();
    await shoot(page, "krx-dark");
    expect(await contrastProblems(page)).toEqual([]);
    await page.getByTestId("theme-toggle").click();
    await expect(html).toHaveAttribute("data-theme", "light");
    await expect(chart).toHaveAttribute("data-up-color", "#cf222e");
    await shoot(page, "krx-light");
    expect(await contrastProblems(page)).toEqual([]);
    await page.getByTestId("color-toggle").click();
    await expect(html).toHaveAttribute("data-colors", "western");
    await expect(chart).toHaveAttribute("data-up-color", "#1a7f37");
    await shoot(page, "western-light");
  });
});
