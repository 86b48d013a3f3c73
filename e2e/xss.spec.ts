import { type APIRequestContext, type Page, expect, test } from "@playwright/test";

// Each payload would set window.__xss if the page ever parsed news text as markup.
const PAYLOADS = {
  script: "<script>window.__xss=1</script>",
  img: `<img src=x onerror="window.__xss=1">`,
  svg: `<svg onload="window.__xss=1">`,
} as const;

const SYMBOLS = ["005380.KS", "000270.KS", "^KS11"] as const;

interface Posted {
  id: string;
  headline: string;
  body: string;
  source: string;
  url: string | null;
}

// A day after the shipped headline, so these sort to the top of the feed.
const PUBLISHED = "2025-10-23T10:00:00+09:00";

async function postNews(request: APIRequestContext, item: Omit<Posted, "id">) {
  return request.post("/api/news", { data: { ...item, publishedAt: PUBLISHED, url: item.url ?? undefined } });
}

/** Records CSP violations and dialogs from the first script the page runs. */
async function watch(
  page: Page,
): Promise<{ violations: () => Promise<string[]>; dialogs: string[]; consoleCsp: string[] }> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const consoleCsp: string[] = [];
  page.on("console", (msg) => {
    if (/content security policy/i.test(msg.text())) consoleCsp.push(msg.text());
  });
  return {
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    dialogs,
    consoleCsp,
  };
}

const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

test.describe("news is inert text", () => {
  test("a javascript: link is refused with 400", async ({ request }) => {
    const res = await postNews(request, { headline: "Click me", body: "b", source: "x", url: "javascript:alert(1)" });
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringContaining("url") } });
  });

  test("HTML, script and SVG in headlines and bodies show literally and run nothing, under the CSP", async ({
    page,
    request,
  }) => {
    const run = Date.now().toString(36);
    const posted: Posted[] = [];
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      // Naming Hyundai Motor tags the headline, so it is also drawn as a chart marker.
      const item = {
        headline: `Hyundai Motor ${name} ${run} ${payload}`,
        body: `First paragraph ${payload}\n\nSecond <b onmouseover="window.__xss=1">bold</b> ${payload}`,
        source: `<i>${name}</i> wire`,
        url: `http://example.com/news/${name}?q=<script>`,
      };
      const res = await postNews(request, item);
      expect(res.status(), await res.text()).toBe(201);
      posted.push(await res.json());
    }

    const seen = await watch(page);
    const response = await page.goto("/");
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    for (const symbol of SYMBOLS) {
      await expect(page.getByTestId(`chart-${symbol}`)).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
    }

    for (const item of posted) {
      const card = page.locator(`[data-testid="news-item"][data-news-id="${item.id}"]`);
      await expect(card).toContainText(item.headline);
      await expect(card).toContainText(item.source);
      await card.getByRole("button").first().click();
      for (const paragraph of item.body.split("\n\n"))
        await expect(card.getByText(paragraph, { exact: true })).toBeVisible();
      // A web link stays a link, to exactly the given address.
      await expect(card.getByRole("link", { name: /Read at/ })).toHaveAttribute("href", item.url!);
      // The markup stayed text: no element was made from it.
      await expect(card.locator("script, img, svg[onload], b, i")).toHaveCount(0);
    }

    await page.mouse.move(10, 10);
    expect(await xss(page)).toBeUndefined();
    // Read before leaving: the next page starts its own list.
    expect(await seen.violations()).toEqual([]);

    // The reaction card shows the headline too.
    await page.goto(`/reactions/${encodeURIComponent(posted[0]!.id)}`);
    await expect(page.getByText(posted[0]!.headline).first()).toBeVisible();
    expect(await xss(page)).toBeUndefined();

    expect(seen.dialogs).toEqual([]);
    expect(await seen.violations()).toEqual([]);
    expect(seen.consoleCsp).toEqual([]);
  });
});
