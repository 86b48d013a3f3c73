import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Page, type TestInfo, expect, test } from "@playwright/test";
import type { Reaction } from "../contract/model";
import { runScenarioCli } from "./support/scenario-cli";
import { type ScenarioServer, startScenarioServer } from "./support/scenario-server";

// Every scenario file shipped in e2e/scenarios runs through the browser against a production
// server that plays it as its live feed: adding a file adds a run. The numbers the page shows
// must be exactly those of `npm run scenario -- FILE --json`.
const DIR = path.join("e2e", "scenarios");
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith(".json"))
  .sort();
// Market seconds per wall second: a 6.5-hour session (23,400 s) plays in about 23 s.
const SPEED = 1_000;
const SESSION_WALL_MS = (23_400 / SPEED) * 1_000;

/** The parts of a scenario file this suite reads (the server validates the rest). */
interface ScenarioFile {
  name: string;
  end: string;
  instruments: { symbol: string }[];
  news?: { headline: string }[];
}

test.use({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });

const markerCount = async (page: Page, symbol: string) =>
  Number(await page.getByTestId(`chart-${symbol}`).getAttribute("data-marker-count"));

const sortBySymbol = (reactions: readonly Reaction[]) =>
  [...reactions].sort((a, b) => a.symbol.localeCompare(b.symbol));

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = `e2e/artifacts/${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

for (const file of FILES) {
  const scenarioPath = path.join(DIR, file);
  const scenario = JSON.parse(readFileSync(scenarioPath, "utf8")) as ScenarioFile;

  test(`scenario ${scenario.name} (${file}) plays in the browser with the CLI's numbers`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(150_000);
    const end = Date.parse(scenario.end);
    const headlines = (scenario.news ?? []).map((item, index) => ({
      id: `${scenario.name}-${index}`,
      headline: item.headline,
    }));
    let server: ScenarioServer | null = null;
    try {
      server = await startScenarioServer(scenarioPath, SPEED);
      testInfo.annotations.push({ type: "server", description: `pid ${server.pid} at ${server.url}` });
      // The headless report comes in while the server plays the day.
      const headless = runScenarioCli(scenarioPath);
      headless.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile

      await page.goto(`${server.url}/`);
      // One chart per instrument of the scenario, however many it names.
      for (const { symbol } of scenario.instruments) {
        await expect(page.getByTestId(`chart-${symbol}`), `chart of ${symbol}`).toHaveAttribute("data-ready", "true", {
          timeout: 30_000,
        });
      }
      await expect(page.locator('[data-testid^="chart-"][data-ready]')).toHaveCount(scenario.instruments.length);

      const report = await headless;
      const reactionsOf = (id: string) => sortBySymbol(report.reactions.filter((r) => r.newsId === id));

      // Each headline appears in the feed, and as a marker on the chart of each of its tickers
      // (one marker per distinct 1-minute bar of that ticker's headlines so far).
      const minutesBySymbol = new Map<string, Set<number>>();
      for (const { id, headline } of headlines) {
        const item = page.locator(`[data-testid="news-item"][data-news-id="${id}"]`);
        await expect(item, `headline ${id} in the feed`).toBeVisible({ timeout: SESSION_WALL_MS + 30_000 });
        await expect(item).toContainText(headline);
        for (const r of reactionsOf(id)) {
          const minutes = minutesBySymbol.get(r.symbol) ?? new Set<number>();
          minutes.add(Math.floor(Date.parse(r.t0) / 60_000));
          minutesBySymbol.set(r.symbol, minutes);
          await expect
            .poll(() => markerCount(page, r.symbol), { message: `markers of ${id} on ${r.symbol}`, timeout: 15_000 })
            .toBeGreaterThanOrEqual(minutes.size);
        }
      }

      // The day is over once the market clock reaches the scenario's end; from then on the
      // server's reactions are final and must be the CLI's, field for field.
      const clock = page.getByTestId("market-clock");
      await expect
        .poll(async () => Number(await clock.getAttribute("data-market-time")), {
          message: "market clock reaches the scenario's end",
          timeout: SESSION_WALL_MS + 60_000,
          intervals: [500],
        })
        .toBeGreaterThanOrEqual(end);
      for (const { id } of headlines) {
        await expect
          .poll(
            async () => {
              const res = await page.request.get(`${server!.url}/api/reactions?newsId=${encodeURIComponent(id)}`);
              return res.ok() ? sortBySymbol((await res.json()) as Reaction[]) : `HTTP ${res.status()}`;
            },
            { message: `/api/reactions?newsId=${id} equals the CLI's reactions`, timeout: 15_000 },
          )
          .toEqual(reactionsOf(id));
      }
      await saveScreenshot(page, testInfo, `scenario-${scenario.name}`);

      // The reaction card shows the same numbers, exactly (data-value is the raw figure).
      for (const { id } of headlines) {
        await page.goto(`${server.url}/reactions/${encodeURIComponent(id)}`);
        await expect(page.getByTestId("reaction-card")).toHaveAttribute("data-state", "ready", { timeout: 15_000 });
        for (const r of reactionsOf(id)) {
          const row = page.getByTestId(`reaction-${r.symbol}`);
          const raw = (value: number | null | undefined) =>
            value === null || value === undefined ? "" : String(value);
          await expect(row.getByTestId("ret-15m"), `${id} ${r.symbol} 15m return`).toHaveAttribute(
            "data-value",
            raw(r.returns["15m"]),
          );
          await expect(row.getByTestId("car"), `${id} ${r.symbol} CAR`).toHaveAttribute(
            "data-value",
            raw(r.abnormal?.car),
          );
        }
        await saveScreenshot(page, testInfo, `scenario-${scenario.name}-reaction-${id}`);
      }
    } catch (error) {
      if (server) await testInfo.attach("server output", { body: server.output(), contentType: "text/plain" });
      throw error;
    } finally {
      await server?.stop();
    }
  });
}
