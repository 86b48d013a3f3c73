import { expect, test } from "@playwright/test";
import { type ScenarioServer, startAppServer } from "./support/scenario-server";

const SHOTS = process.env.AFTERSHOCK_SHOTS ?? "e2e/artifacts";
const SAMSUNG = "005930.KS";

test.use({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });

let server: ScenarioServer & { dbFile: string };
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startAppServer({ FEED_SYMBOLS: `005380.KS,000270.KS,${SAMSUNG},^KS11`, FEED_SPEED: "60" });
});
test.afterAll(async () => server?.stop());

test("a user adds Samsung Electronics by its Korean name and sees its simulated chart; the list is remembered", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(server.url);
  await expect(page.getByTestId("watchlist-row-005380.KS")).toBeVisible({ timeout: 30_000 });
  // A first visit watches what has prices: Samsung is simulated, so it is there; take it off first.
  await page.getByTestId(`watchlist-remove-${SAMSUNG}`).click();
  await expect(page.getByTestId(`watchlist-row-${SAMSUNG}`)).toHaveCount(0);

  await page.getByTestId("watchlist-search").fill("삼성전자");
  await page.getByTestId(`watchlist-add-${SAMSUNG}`).click();
  const row = page.getByTestId(`watchlist-row-${SAMSUNG}`);
  await expect(row).toContainText("Samsung Electronics");
  await expect(row).toContainText("삼성전자");
  await expect(page.getByTestId(`chart-${SAMSUNG}`)).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(row.getByTestId("last-price")).toHaveText(/^\d{2,3},\d{3}$/, { timeout: 30_000 });
  expect(new URL(page.url()).searchParams.get("watch")).toContain(SAMSUNG);
  await page.screenshot({ path: `${SHOTS}/watchlist-samsung.png`, fullPage: true });

  // An instrument without prices says so.
  await page.getByTestId("watchlist-search").fill("hynix");
  await page.getByTestId("watchlist-add-000660.KS").click();
  await expect(page.getByTestId("watchlist-row-000660.KS").getByTestId("no-data")).toBeVisible();

  // Removed, and remembered across a reload (local storage, without the address).
  await page.getByTestId("watchlist-remove-000270.KS").click();
  await expect(page.getByTestId("watchlist-row-000270.KS")).toHaveCount(0);
  await page.goto(server.url);
  await expect(page.getByTestId(`watchlist-row-${SAMSUNG}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("watchlist-row-000270.KS")).toHaveCount(0);
});
