import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import type { Reaction } from "../contract/model";

// The headline the product ships with; the tagger finds Kia and Hyundai Motor in it.
const SEED_ID = "seed-2025-10-22-korea-us-tariff-talks";
const TICKERS = ["000270.KS", "005380.KS"] as const;
// The server computes each reaction from several sessions of ticks (about a second each),
// and the table asks for every headline's: give the pages time to fill in.
const DATA = { timeout: 30_000 };
test.describe.configure({ timeout: 90_000 });

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

const numbersIn = async (page: Page, testId: string) =>
  (
    await page
      .getByTestId("reactions-row")
      .getByTestId(testId)
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-value") ?? ""))
  )
    .filter((v) => v !== "")
    .map(Number);

test.describe("reactions table", () => {
  test("lists the shipped headline's tickers, up at +15m, sortable by CAR", async ({ page }) => {
    await page.goto("/reactions");
    const table = page.getByTestId("reactions-table");
    await expect(table).toHaveAttribute("data-state", "ready", DATA);

    for (const symbol of TICKERS) {
      const row = page.locator(`[data-testid="reactions-row"][data-news-id="${SEED_ID}"][data-symbol="${symbol}"]`);
      await expect(row).toHaveCount(1);
      const r15 = Number(await row.getByTestId("cell-15m").getAttribute("data-value"));
      expect(r15, `${symbol} +15m`).toBeGreaterThan(0);
      await expect(row.getByRole("link", { name: /tariff/i })).toHaveAttribute("href", `/?news=${SEED_ID}`);
    }

    // Opens on CAR, largest first.
    const carHeader = page.getByRole("columnheader", { name: /CAR/ });
    await expect(carHeader).toHaveAttribute("aria-sort", "descending");
    const descending = await numbersIn(page, "cell-car");
    expect(descending.length).toBeGreaterThanOrEqual(2);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));

    // A keyboard user flips it.
    await carHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(carHeader).toHaveAttribute("aria-sort", "ascending");
    const ascending = await numbersIn(page, "cell-car");
    expect(ascending).toEqual([...descending].reverse());

    // Another column takes the sort; CAR goes back to unsorted.
    await page.getByRole("columnheader", { name: /\+15m/ }).getByRole("button").click();
    await expect(page.getByRole("columnheader", { name: /\+15m/ })).toHaveAttribute("aria-sort", "descending");
    await expect(carHeader).toHaveAttribute("aria-sort", "none");

    await page.screenshot({ path: "e2e/artifacts/reaction-table.png", fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("passes the accessibility scan in the dark theme too", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/reactions");
    await expect(page.getByTestId("reactions-table")).toHaveAttribute("data-state", "ready", DATA);
    await page.screenshot({ path: "e2e/artifacts/reaction-table-dark.png", fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("reaction detail", () => {
  test("card figures equal the API's, overlay draws both tickers and KOSPI", async ({ page, request }) => {
    // With no stored choice the page follows the system theme.
    await page.emulateMedia({ colorScheme: "dark" });
    const response = await request.get(`/api/reactions?newsId=${SEED_ID}`);
    expect(response.status()).toBe(200);
    const reactions = (await response.json()) as Reaction[];
    expect(reactions.map((r) => r.symbol).sort()).toEqual([...TICKERS]);

    await page.goto(`/reactions/${SEED_ID}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("tariff");
    const card = page.getByTestId("reaction-card");
    await expect(card).toHaveAttribute("data-state", "ready", DATA);

    for (const reaction of reactions) {
      const row = card.getByTestId(`reaction-${reaction.symbol}`);
      await expect(row.getByTestId("ret-15m")).toHaveAttribute("data-value", String(reaction.returns["15m"]));
      await expect(row.getByTestId("car")).toHaveAttribute("data-value", String(reaction.abnormal?.car ?? ""));
      await expect(row.getByTestId("tstat")).toHaveAttribute("data-value", String(reaction.abnormal?.tStat ?? ""));
      for (const w of ["1m", "5m", "60m"] as const) {
        await expect(row.getByTestId(`ret-${w}`)).toHaveAttribute("data-value", String(reaction.returns[w] ?? ""));
      }
    }

    const overlay = page.getByTestId("event-overlay");
    await expect(overlay).toHaveAttribute("data-series-count", "3", DATA);
    await expect(overlay.getByRole("img", { name: /^Line chart/ })).toHaveAttribute(
      "aria-label",
      /005380\.KS.*000270\.KS.*\^KS11|000270\.KS.*005380\.KS.*\^KS11/,
    );

    await expect(card.getByRole("link", { name: "JSON" })).toHaveAttribute("href", `/api/reactions?newsId=${SEED_ID}`);
    await expect(card.getByRole("link", { name: "CSV" })).toHaveAttribute(
      "href",
      `/api/reactions.csv?newsId=${SEED_ID}`,
    );

    await page.screenshot({ path: `e2e/artifacts/reaction-${SEED_ID}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the light theme passes the same accessibility scan", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(`/reactions/${SEED_ID}`);
    await expect(page.getByTestId("reaction-card")).toHaveAttribute("data-state", "ready", DATA);
    await expect(page.getByTestId("event-overlay")).toHaveAttribute("data-series-count", "3", DATA);
    await page.screenshot({ path: `e2e/artifacts/reaction-${SEED_ID}-light.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
