import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";

// The shipped headline: 22 Oct 2025 13:07 KST, naming Hyundai Motor and Kia.
const SEED_ID = "seed-2025-10-22-korea-us-tariff-talks";
const SEED_AT = Date.parse("2025-10-22T13:07:00+09:00");
const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"] as const;

test.use({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });

async function openDashboard(page: Page, path = "/") {
  await page.goto(path);
  for (const symbol of SYMBOLS) {
    await expect(page.getByTestId(`chart-${symbol}`)).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
  }
}

const clockOf = async (page: Page) => Number(await page.getByTestId("market-clock").getAttribute("data-market-time"));
const seedItem = (page: Page) => page.locator(`[data-testid="news-item"][data-news-id="${SEED_ID}"]`);

test.describe("replay", () => {
  test("replays the shipped headline at 60x: the headline lands only when the clock passes 13:07", async ({
    page,
  }, testInfo) => {
    await openDashboard(page);
    await expect(page.getByTestId("feed-badge")).toHaveText(/simulated/i);

    await page.getByTestId("replay-from").fill("2025-10-22T13:05:00");
    await page.getByTestId("replay-to").fill("2025-10-22T14:35:00");
    await page.getByTestId("replay-speed-select").selectOption("60");
    await page.getByTestId("replay-start").click();

    await expect(page.getByTestId("feed-badge")).toContainText("REPLAY", { ignoreCase: true });
    await expect(page.getByTestId("feed-badge")).toContainText("22 Oct 13:05 – 14:35");
    await expect(page.getByTestId("market-clock")).toHaveAttribute("data-feed", "replay");

    // Before 13:07 on the replay clock the feed must not know the headline; 60x gives ~2 s.
    const early = await clockOf(page);
    expect(early).toBeLessThan(SEED_AT);
    const shownEarly = await seedItem(page).count();
    const clockAfterCheck = await clockOf(page);
    if (clockAfterCheck < SEED_AT) expect(shownEarly).toBe(0);

    await expect.poll(() => clockOf(page), { timeout: 15_000 }).toBeGreaterThan(SEED_AT);
    await expect(seedItem(page)).toHaveCount(1);
    for (const symbol of ["005380.KS", "000270.KS"]) {
      await expect
        .poll(async () => Number(await page.getByTestId(`chart-${symbol}`).getAttribute("data-marker-count")))
        .toBeGreaterThanOrEqual(1);
    }

    // Pause stops the clock.
    await page.getByTestId("replay-toggle").click();
    await expect(page.getByTestId("replay-bar")).toHaveAttribute("data-state", "paused");
    const paused = await clockOf(page);
    await page.waitForTimeout(1_000);
    expect(await clockOf(page)).toBe(paused);
    await expect(page).toHaveURL(/replay=2025-10-22T13%3A05%3A00%2C2025-10-22T14%3A35%3A00/);

    // Seeking back before the headline takes it out of the feed again.
    await page.getByTestId("replay-goto").fill("13:06");
    await page.getByTestId("replay-goto").press("Enter");
    await expect.poll(() => clockOf(page)).toBe(Date.parse("2025-10-22T13:06:00+09:00"));
    await expect(seedItem(page)).toHaveCount(0);
    await page.getByTestId("replay-toggle").focus(); // shortcuts do not fire while typing in the field
    await page.keyboard.press("n"); // next headline
    await expect(seedItem(page)).toHaveCount(1);
    await expect.poll(() => clockOf(page)).toBe(SEED_AT);

    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => clockOf(page)).toBeGreaterThanOrEqual(SEED_AT + 60_000);
    await page.getByTestId("replay-toggle").click();
    await expect(page.getByTestId("replay-bar")).toHaveAttribute("data-state", "playing");
    await page.waitForTimeout(3_000);
    await page.getByTestId("replay-toggle").click();

    const path = "e2e/artifacts/replay.png";
    await page.screenshot({ path });
    await testInfo.attach("replay", { path, contentType: "image/png" });

    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
    expect(serious).toEqual([]);

    await page.getByTestId("replay-live").click();
    await expect(page.getByTestId("feed-badge")).toHaveText(/simulated/i);
    await expect(page.getByTestId("market-clock")).not.toHaveAttribute("data-feed", "replay");
    await expect(page).not.toHaveURL(/replay=/);
    await expect(page.getByTestId("chart-005380.KS")).toHaveAttribute("data-ready", "true");
  });

  test("the selected headline shows its reaction card and replays it from t0 − 30 min", async ({ page }) => {
    await openDashboard(page, `/?news=${SEED_ID}`);
    const card = seedItem(page).getByTestId("reaction-card");
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    await expect(card).toContainText("005380.KS");
    await expect(page.getByTestId("nav-reactions")).toHaveAttribute("href", "/reactions");

    await seedItem(page).getByTestId("news-replay").click();
    await expect(page.getByTestId("feed-badge")).toContainText("22 Oct 12:37 – 14:37");
    await expect(page).toHaveURL(/speed=60/);
    await expect(seedItem(page)).toHaveCount(0); // 12:37 is before the headline

    // The permalink restores the same view.
    await page.getByTestId("replay-toggle").click();
    await expect(page.getByTestId("replay-bar")).toHaveAttribute("data-state", "paused");
    const t = await clockOf(page);
    await page.waitForTimeout(1_200); // the address follows the clock once a second
    await page.reload();
    await expect(page.getByTestId("feed-badge")).toContainText("REPLAY", { ignoreCase: true });
    await expect(page.getByTestId("replay-bar")).toHaveAttribute("data-state", "paused");
    await expect.poll(() => clockOf(page)).toBe(Math.floor(t / 1000) * 1000);
    await page.keyboard.press("l");
    await expect(page.getByTestId("feed-badge")).toHaveText(/simulated/i);
  });
});
