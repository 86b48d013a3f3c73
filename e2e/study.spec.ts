import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Three more tariff headlines on the seeded days (their own source), beside the shipped one.
const EXTRA = [
  { publishedAt: "2025-10-21T10:05:00+09:00", headline: "Tariff relief hopes lift carmakers (e2e study)" },
  { publishedAt: "2025-10-21T13:40:00+09:00", headline: "관세 협상 진전 기대 (e2e study)" },
  { publishedAt: "2025-10-20T11:15:00+09:00", headline: "Tariff talks schedule set (e2e study)" },
];
const DATA = { timeout: 30_000 };
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async ({ request }) => {
  const existing = (await (await request.get("/api/news?symbol=005380.KS&limit=500")).json()) as { headline: string }[];
  for (const item of EXTRA) {
    if (existing.some((n) => n.headline === item.headline)) continue;
    const res = await request.post("/api/news", {
      data: { ...item, body: "Hyundai Motor 005380.KS", source: "e2e study wire", tickers: ["005380.KS"] },
    });
    expect(res.status()).toBe(201);
  }
});

test("a study permalink shows the CAAR path, every test with a verdict, and the events", async ({ page }) => {
  await page.goto(`/study?symbol=005380.KS&q=${encodeURIComponent("tariff OR 관세")}`);
  const result = page.getByTestId("study-result");
  await expect(result).toBeVisible(DATA);
  await expect(page.getByTestId("study-summary")).toContainText("of 4 headlines naming 005380.KS");
  await expect(page.getByTestId("study-chart").locator("canvas").first()).toBeVisible();
  const windows = page.getByTestId("study-windows");
  await expect(windows.getByRole("row")).toHaveCount(6);
  for (const name of ["Cross-sectional t", "Patell Z", "BMP t", "Corrado rank", "Generalised sign"]) {
    await expect(windows.getByRole("columnheader", { name })).toBeVisible();
  }
  await expect(windows.getByText(/significant|not enough events/).first()).toBeVisible();
  const events = page.getByTestId("study-events");
  await expect(events.getByRole("row")).toHaveCount(5);
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
    "href",
    /\/api\/study\.csv\?symbol=005380\.KS/,
  );

  // The form rewrites the permalink.
  await page.getByLabel(/Headline or body contains/).fill("관세");
  await page.getByRole("button", { name: "Study" }).click();
  await expect(page).toHaveURL(/q=%EA%B4%80%EC%84%B8/);
  await expect(page.getByTestId("study-summary")).toContainText("of 1 headlines", DATA);

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("an event opens its reaction card, which links back to a study of headlines like it", async ({ page }) => {
  await page.goto("/study?symbol=005380.KS&q=tariff");
  await expect(page.getByTestId("study-result")).toBeVisible(DATA);
  await page
    .getByTestId("study-events")
    .getByRole("link", { name: /Tariff relief hopes/ })
    .click();
  await expect(page).toHaveURL(/\/reactions\//);
  const link = page.getByTestId("study-like-this");
  await expect(link).toBeVisible(DATA);
  await expect(link).toHaveAttribute("href", /\/study\?symbol=005380\.KS&q=/);
  await link.click();
  await expect(page.getByTestId("study-result")).toBeVisible(DATA);
});

test("screenshots in both themes and a narrow window", async ({ page }) => {
  for (const [theme, width] of [
    ["dark", 1280],
    ["light", 1280],
    ["dark", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 1100 });
    await page.addInitScript((t) => localStorage.setItem("aftershock-theme", t), theme);
    await page.goto(`/study?symbol=005380.KS&q=${encodeURIComponent("tariff OR 관세")}`);
    await expect(page.getByTestId("study-chart").locator("canvas").first()).toBeVisible(DATA);
    await page.screenshot({ path: `/work/notes/shots/i13-study-${theme}-${width}.png`, fullPage: true });
  }
});
