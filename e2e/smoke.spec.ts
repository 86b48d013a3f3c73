import { expect, test } from "@playwright/test";

// The cheapest proof that the production server, the build and the browser work together.
test("the dashboard page loads", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Aftershock/);
});

test("the API answers beside the pages", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, db: "sqlite", feed: "simulate" });
});
