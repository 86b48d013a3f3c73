import { expect, test } from "@playwright/test";

// The cheapest proof that the production server, the build and the browser work together:
// not only a page with a title, but one that hydrated, opened its socket and drew live ticks.
test("the dashboard page loads, goes live and shows a price", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Aftershock/);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "connected", { timeout: 20_000 });
  await expect(page.getByTestId("chart-005380.KS")).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
  await expect(page.getByTestId("watchlist-row-005380.KS").getByTestId("last-price")).toHaveText(/^\d{1,3}(,\d{3})+$/);
});

test("the API answers beside the pages", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, db: "sqlite", feed: "simulate" });
});
