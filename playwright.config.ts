import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium-launch";
import { e2eDatabaseFile } from "./e2e/support/e2e-database";

// A fixed port in the project's test range (E2E_PORT moves it, so two checkouts can run
// their suites side by side); reuseExistingServer is off, so a stray server on it fails
// the run loudly instead of being tested by mistake.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;
// scripts/test-all.sh sets this to count results; Playwright's json reporter reads it.
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_FILE;

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/artifacts/results",
  fullyParallel: false,
  // Two workers: one for the chromium project, whose tests share one production server and
  // must not race on it, and one for the scenarios, each on a server of its own. The two
  // run side by side (a scenario mostly waits on its market clock).
  workers: 2,
  retries: 0,
  // Some specs walk a whole journey (replay: range, play, seek, next headline, axe, back to
  // live); 30 s was not enough for them on a loaded two-core machine. No timing is asserted.
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ["list"],
    ["html", { outputFolder: "e2e/artifacts/report", open: "never" }],
    ...(jsonReport ? [["json", { outputFile: jsonReport }] as ["json", { outputFile: string }]] : []),
  ],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: "scenarios.spec.ts",
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
    {
      // Every e2e/scenarios/*.json through the browser. Each test starts its own production
      // server playing the file (ports 3600-3639) and stops it; they do not use the server
      // below, whose start builds the dashboard they need. Alone: playwright.scenarios.config.ts.
      name: "scenarios",
      testMatch: "scenarios.spec.ts",
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    // What `npm start` runs, with the test environment; `exec` makes the server the process
    // Playwright signals, so it closes cleanly at the end.
    command: "node scripts/build-if-stale.mjs && exec node --import tsx server/index.ts",
    url: `${baseURL}/api/health`,
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${e2eDatabaseFile()}`,
      FEED: "simulate",
      FEED_SPEED: "20",
      LOG_LEVEL: "warn",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    // Piped so a failed `next build` shows its errors; the server itself logs only warnings.
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
