import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Quiet, headless-friendly flags: no sandbox (CI runs as root), no GPU, and nothing that
// phones home or updates itself while a test runs.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Debian's chromium when it is installed (Playwright cannot download browsers on our
 * machines); otherwise Playwright's own browser, so the suite also runs on a laptop.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: ARGS } : { args: ARGS };
}
