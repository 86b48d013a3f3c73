import { type Page, expect, test } from "@playwright/test";
import { directives } from "../test/support/csp";

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"] as const;

/** Records CSP violations from the first script the page runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test.describe("the Content-Security-Policy with a per-request nonce", () => {
  test("the dashboard works under it: Next's scripts carry the nonce, no violation", async ({ page }) => {
    const violations = await recordViolations(page);
    const response = await page.goto("/");
    const csp = directives(response?.headers()["content-security-policy"] ?? "");
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).not.toContain("'unsafe-inline'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
    expect(nonce, `script-src ${scripts.join(" ")}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);

    // Hydrated and live: the charts only draw once React and the socket ran.
    for (const symbol of SYMBOLS) {
      await expect(page.getByTestId(`chart-${symbol}`)).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    }
    // Every inline script Next wrote carries this answer's nonce (the DOM hides the
    // attribute's value; the property keeps it).
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll("script:not([src])")].map((s) => (s as HTMLScriptElement).nonce),
    );
    expect(inline.length).toBeGreaterThan(0);
    expect(new Set(inline)).toEqual(new Set([nonce]));
    expect(await violations()).toEqual([]);

    // A fresh nonce per answer: one seen in a page is no key to the next.
    const again = await page.request.get("/");
    const next = directives(again.headers()["content-security-policy"] ?? "").get("script-src") ?? [];
    expect(next.find((s) => s.startsWith("'nonce-"))).toBeDefined();
    expect(next).not.toContain(`'nonce-${nonce}'`);
  });

  test("an injected inline script does not run", async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto("/");
    await expect(page.getByTestId(`chart-${SYMBOLS[0]}`)).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await page.evaluate(() => {
      // What an injection that reached the DOM would do: a script element without the nonce,
      // and an inline event handler.
      const script = document.createElement("script");
      script.textContent = "window.__injected = 'script'";
      document.body.appendChild(script);
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.__injectedHandler = 'handler'");
      img.src = "data:,not-an-image";
      document.body.appendChild(img);
    });
    await expect
      .poll(async () => (await violations()).filter((v) => v.startsWith("script-src")).length)
      .toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    expect(
      await page.evaluate(() => (window as unknown as { __injectedHandler?: string }).__injectedHandler),
    ).toBeUndefined();
  });
});
