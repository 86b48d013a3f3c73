import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium-launch";

// The scenario runs alone: `npx playwright test -c playwright.scenarios.config.ts`. Each test
// starts (and stops) its own production server playing one scenario file, so there is no
// webServer here, only a build before the first of them. `npm test` runs the same spec as the
// "scenarios" project of playwright.config.ts.
export default defineConfig({
  testDir: "e2e",
  testMatch: "scenarios.spec.ts",
  outputDir: "e2e/artifacts/results-scenarios",
  globalSetup: "./e2e/support/build-once.ts",
  fullyParallel: false,
  // One server at a time: they would share two cores with the browser.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["html", { outputFolder: "e2e/artifacts/report-scenarios", open: "never" }]],
  use: { screenshot: "only-on-failure", trace: "retain-on-failure" },
  projects: [{ name: "scenarios", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() } }],
});
