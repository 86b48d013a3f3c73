import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { type Browser, type Page, chromium } from "@playwright/test";
import type { HistoryDraw, TickDraw } from "../app/lib/charts/draw-probe";
import { BENCHMARK } from "../domain/instruments";
import { chromiumLaunchOptions } from "../e2e/support/chromium-launch";
import { type BenchChild, startChild } from "./child-process";
import { type LoadReport, planLoad } from "./children/offered-load";
import { type BenchResult, median, result, skipped, trace } from "./harness";
import { type ProbedWindow, pageProbeScript } from "./page-probe";

const SYMBOLS = ["005380.KS", "000270.KS", BENCHMARK];
const RATE = 200;
const WARM_UP_MS = 2_000;
const DRAW_CAPACITY = 50_000;
const SLOW_FRAME_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };

/**
 * The dashboard in headless chromium against the production build: page weight, chart load
 * (a day of 1-second candles), tick-to-pixel and frame times under a live load. Ticks are
 * stamped with the wall time the server publishes them; the charts record when each was drawn
 * (app/lib/charts/draw-probe.ts, active only when the page installs the probe).
 */
export async function benchBrowser(quick: boolean): Promise<BenchResult[]> {
  const windowMs = quick ? 5_000 : 30_000;
  const loads = quick ? 1 : 3;
  buildIfStale();
  let server: BenchChild<{ url: string }> | null = null;
  let browser: Browser | null = null;
  try {
    server = await startChild<{ url: string }>("page-server.ts");
    const url = server.info.url;
    trace(`browser: server at ${url}`);
    // Page weight needs no browser: it is printed either way.
    const weight = await pageWeight(url);
    trace(`browser: page weight ${JSON.stringify(weight)}`);
    const weightRow = result(
      `page weight: first-load JS of / (${weight.scripts} module scripts, ${kb(weight.raw)} KB raw; inline ${kb(weight.inlineGzip)} KB gzip and nomodule polyfills not counted) (target ≤ 200 KB)`,
      weight.gzip / 1024,
      "KB gzip",
    );
    // Found or installed the way `npm test` does (scripts/ensure-chromium.sh); without one,
    // every browser figure says it was skipped and why.
    const missing = browserMissing();
    if (missing) return [weightRow, ...BROWSER_FIGURES.map(([name, unit]) => skipped(name, unit, missing))];
    try {
      browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    } catch (error) {
      const why = `no browser could be launched (${String((error as Error).message).split("\n")[0]})`;
      return [weightRow, ...BROWSER_FIGURES.map(([name, unit]) => skipped(name, unit, why))];
    }

    const loadTimes: number[] = [];
    let loadBars = 0;
    for (let run = 0; run < loads; run++) {
      const page = await probedPage(browser, url);
      const load = await chartLoad(page);
      await page.close();
      loadTimes.push(load.ms);
      loadBars = load.bars;
      trace(`browser: chart load run ${run + 1}: ${JSON.stringify(load)}`);
    }

    const page = await probedPage(browser, url);
    const live = await underLoad(page, server, windowMs);
    await page.close();
    trace(`browser: under load ${JSON.stringify({ ...live, frames: live.frames.length })}`);

    const load = `${RATE} ticks/s over ${SYMBOLS.length} charts, ${windowMs / 1000} s${live.note}`;
    const frames = [...live.frames].sort((a, b) => a - b);
    return [
      result(`tick-to-pixel p50, server publish → chart drawn (${load})`, live.total.p50, "ms"),
      result(`tick-to-pixel p99 (target < 100 ms)`, live.total.p99, "ms"),
      result(`tick-to-pixel part, server publish → page receipt (socket frame), p50`, live.receipt.p50, "ms"),
      result(`tick-to-pixel part, server publish → page receipt, p99`, live.receipt.p99, "ms"),
      result(`tick-to-pixel part, page receipt → chart drawn, p50`, live.draw.p50, "ms"),
      result(`tick-to-pixel part, page receipt → chart drawn, p99`, live.draw.p99, "ms"),
      result(
        `chart load: ${loadBars.toLocaleString("en-US")} one-second candles, candles response → first frame drawn, median of ${loads} (target < 300 ms)`,
        median(loadTimes),
        "ms",
      ),
      result(`frame time p50, dashboard under ${load}, ${frames.length} frames`, quantile(frames, 0.5), "ms"),
      result(`frame time p99`, quantile(frames, 0.99), "ms"),
      result(`frame time max (target: none over ${SLOW_FRAME_MS} ms)`, frames.at(-1) ?? 0, "ms"),
      result(`frames over ${SLOW_FRAME_MS} ms`, frames.filter((f) => f > SLOW_FRAME_MS).length, "frames"),
      weightRow,
    ];
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

// The pages are served from `.next`: build it when the sources are newer (progress on stderr).
function buildIfStale(): void {
  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { stdio: ["ignore", 2, 2] });
}

async function probedPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: "dark" });
  await page.addInitScript({ content: pageProbeScript(DRAW_CAPACITY) });
  await page.goto(`${url}/`);
  for (const symbol of SYMBOLS) {
    await page.getByTestId(`chart-${symbol}`).and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  }
  return page;
}

// The figures that need a browser, as named when skipped.
const BROWSER_FIGURES: Array<[string, string]> = [
  ["tick-to-pixel p50, server publish → chart drawn", "ms"],
  ["tick-to-pixel p99 (target < 100 ms)", "ms"],
  ["chart load: one-second candles, candles response → first frame drawn (target < 300 ms)", "ms"],
  ["frame time p50, dashboard under load", "ms"],
  ["frame time p99", "ms"],
  [`frame time max (target: none over ${SLOW_FRAME_MS} ms)`, "ms"],
];

/** Why no browser is there (null when one is), after trying to install one like `npm test`. */
function browserMissing(): string | null {
  if (process.env.BENCH_NO_BROWSER) return "BENCH_NO_BROWSER is set";
  try {
    execFileSync("bash", ["scripts/ensure-chromium.sh"], { stdio: ["ignore", 2, 2] });
    return null;
  } catch (error) {
    const status = (error as { status?: number }).status;
    return status === 3
      ? "no chromium here and none can be installed (scripts/ensure-chromium.sh: not root or no apt-get)"
      : `installing chromium failed (scripts/ensure-chromium.sh exited ${status ?? "abnormally"})`;
  }
}

/** Gzip size of the scripts the dashboard's HTML loads, each compressed on its own. */
async function pageWeight(url: string): Promise<{ scripts: number; raw: number; gzip: number; inlineGzip: number }> {
  const html = await (await fetch(`${url}/`)).text();
  // `nomodule` scripts (Next's legacy polyfills) are never fetched by a browser that runs
  // modules, which every browser the dashboard supports does: they are not first-load JS.
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!.replaceAll("&amp;", "&")))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const res = await fetch(new URL(src, url));
    if (!res.ok) throw new Error(`page weight: ${src} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  return { scripts: sources.length, raw, gzip, inlineGzip: gzipSync(inline).length };
}

/**
 * Switches the open dashboard to 1-second bars and times the benchmark's chart: from the end
 * of its candles response (resource timing) to the end of the first frame after setData.
 */
async function chartLoad(page: Page): Promise<{ ms: number; bars: number; setMs: number }> {
  const chart = `chart-${BENCHMARK}`;
  await page.getByTestId("interval-1s").click();
  await page
    .getByTestId(chart)
    .and(page.locator('[data-interval="1s"][data-ready="true"]'))
    .waitFor({ timeout: 60_000 });
  const found = await page.evaluate(
    ([name, symbol]) => {
      const histories = (window as unknown as ProbedWindow).__aftershockPerf.histories.filter((h) => h.chart === name);
      const wanted = `symbol=${encodeURIComponent(symbol)}&interval=1s`;
      const entries = performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes("/api/candles?") && e.name.includes(wanted));
      const entry = entries[entries.length - 1] as PerformanceResourceTiming | undefined;
      return {
        history: histories[histories.length - 1] ?? null,
        responseEnd: entry ? performance.timeOrigin + entry.responseEnd : null,
      };
    },
    [chart, BENCHMARK] as const,
  );
  const history: HistoryDraw | null = found.history;
  if (!history || found.responseEnd === null)
    throw new Error("chart load: no 1s history drawn, or no candles request seen");
  return { ms: history.drawn - found.responseEnd, bars: history.bars, setMs: history.set - found.responseEnd };
}

interface Quantiles {
  p50: number;
  p99: number;
}

/** Publishes RATE ticks/s for the window and reads back what the page drew and when. */
async function underLoad(page: Page, server: BenchChild<{ url: string }>, windowMs: number) {
  const plan = planLoad({ rate: RATE, symbols: SYMBOLS, leadMs: 300, warmUpMs: WARM_UP_MS, windowMs: windowMs });
  const report = await server.request<LoadReport>("publish", plan, windowMs + 60_000);
  // Ticks published in the last instants of the window are still on their way.
  await page.waitForTimeout(500);
  const seen = await page.evaluate(
    ([from, to]) => {
      const w = window as unknown as ProbedWindow;
      const draws = w.__aftershockPerf.draws.filter((d) => d.ts >= from && d.ts < to);
      const receipts = draws.map((d) => w.__benchProbe.receipts.get(`${d.symbol}:${d.seq}`) ?? null);
      const frames = w.__benchProbe.frames.filter((f) => f[0] >= from && f[0] < to).map((f) => f[1]);
      return { draws, receipts, frames, drawCount: w.__aftershockPerf.drawCount };
    },
    [plan.measureFrom, plan.measureTo] as const,
  );
  if (seen.drawCount > DRAW_CAPACITY)
    throw new Error(`tick-to-pixel: ${seen.drawCount} draws overflowed the probe's ring of ${DRAW_CAPACITY}`);
  const draws: TickDraw[] = seen.draws;
  const total = draws.map((d) => d.drawn - d.ts);
  const paired = draws.flatMap((d, i) => (seen.receipts[i] === null ? [] : [{ d, at: seen.receipts[i]! }]));
  const expected = Math.round((report.published * windowMs) / 1000);
  const notes: string[] = [];
  if (report.published < RATE * 0.95) notes.push(`server published only ${Math.round(report.published)} ticks/s`);
  if (draws.length < expected * 0.95) notes.push(`only ${draws.length} of ~${expected} ticks drawn`);
  return {
    total: quantiles(total),
    receipt: quantiles(paired.map(({ d, at }) => at - d.ts)),
    draw: quantiles(paired.map(({ d, at }) => d.drawn - at)),
    frames: seen.frames,
    drawn: draws.length,
    published: report.published,
    note: notes.length ? ` [${notes.join("; ")}]` : "",
  };
}

function quantiles(values: number[]): Quantiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

// Nearest rank on sorted values; 0 when there are none.
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
