import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../../domain/market/krx-calendar";
import { priceBand } from "../../domain/market/price-limit";
import { ScenarioFileError, loadScenario } from "../../server/scenario/load-scenario";
import { runScenario } from "../../server/scenario/run-scenario";

const run = promisify(execFile);
const SCENARIOS = path.resolve("e2e/scenarios");
const calendar = new KrxCalendar();

/** Runs `npm run scenario` as a person would; resolves with its exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "server/cli/scenario.ts", ...args], {
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function writeScenario(
  dir: string,
  name: string,
  patch: (s: Record<string, unknown>) => unknown,
): Promise<string> {
  const base = JSON.parse(await readFile(path.join(SCENARIOS, "korea-tariff-deal.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const file = path.join(dir, `${name}.json`);
  const patched = patch(base);
  await writeFile(file, typeof patched === "string" ? patched : JSON.stringify(patched));
  return file;
}

describe("scenario command", () => {
  it("runs a shipped scenario: exit 0, the report, the same digest on a second run", async () => {
    const file = path.join(SCENARIOS, "korea-tariff-deal.json");
    const first = await cli(file, "--json");
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      name: string;
      passed: boolean;
      digest: string;
      ticks: number;
      reactions: unknown[];
    };
    expect(report).toMatchObject({ name: "korea-tariff-deal", passed: true });
    expect(report.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(report.reactions).toHaveLength(2);
    const again = await runScenario(await loadScenario(file, calendar), calendar);
    expect(again.digest).toBe(report.digest);
    expect(again.ticks).toBe(report.ticks);
    const table = await cli(file);
    expect(table.stdout).toContain("PASS  news[0] 005380.KS 15m");
  });

  it("exits 1 with a readable line when an expectation fails", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "aftershock-scn-"));
    const file = await writeScenario(dir, "wrong", (s) => ({
      ...s,
      expect: [{ news: 0, symbol: "005380.KS", window: "15m", maxReturn: -0.05 }],
    }));
    const result = await cli(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}news\[0\] 005380\.KS 15m: return ≤ -5\.00% — return \+\d+\.\d\d%/);
    expect(result.stdout).toContain("0 passed, 1 failed");
  });

  it("checks study expectations beside the per-headline ones: exit 1 when one fails, both in --json", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "aftershock-scn-"));
    const file = await writeScenario(dir, "studies", (s) => ({
      ...s,
      studies: [
        { q: "tariff", symbol: "005380.KS", window: "15m", minCaar: 0.01 },
        { q: "tariff OR 관세", symbol: "000270.KS", window: "60m", maxCaar: -0.05 },
      ],
    }));
    const result = await cli(file, "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      passed: boolean;
      expectations: Array<{ passed: boolean }>;
      studies: Array<{
        q: string;
        symbol: string;
        passed: boolean;
        actual: { caar: number; n: number; events: number };
        reason?: string;
      }>;
    };
    expect(report.passed).toBe(false);
    expect(report.expectations.every((e) => e.passed)).toBe(true);
    const [pass, fail] = report.studies;
    expect(pass).toMatchObject({ q: "tariff", symbol: "005380.KS", passed: true, actual: { n: 1, events: 1 } });
    expect(pass!.actual.caar).toBeGreaterThan(0.01);
    expect(fail).toMatchObject({ symbol: "000270.KS", passed: false, actual: { n: 1, events: 1 } });
    expect(fail!.reason).toMatch(/^CAAR \d+\.\d\d% > max -5\.00%$/);
    const table = await cli(file);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(
      /PASS {2}study "tariff" 005380\.KS 15m: CAAR ≥ \+1\.00% — CAAR \+\d+\.\d\d% over 1 of 1 headlines/,
    );
    expect(table.stdout).toMatch(/FAIL {2}study "tariff OR 관세" 000270\.KS 60m: CAAR ≤ -5\.00%/);
    expect(table.stdout).toContain("5 passed, 1 failed");
  });

  const badFiles: Array<[string, (s: Record<string, unknown>) => unknown, RegExp]> = [
    ["malformed JSON", () => "{ not json", /malformed JSON/],
    [
      "an unknown symbol in an impact",
      (s) => ({ ...s, news: [{ ...(s.news as object[])[0], impact: { "035720.KQ": 0.02 } }] }),
      /news\[0\]\.impact\.035720\.KQ: unknown symbol/,
    ],
    [
      "a headline outside the range",
      (s) => ({ ...s, news: [{ ...(s.news as object[])[0], at: "2025-10-23T10:00:00+09:00" }] }),
      /news\[0\]\.at: .* outside the scenario's range/,
    ],
    [
      "a headline outside the session",
      (s) => ({
        ...s,
        end: "2025-10-22T23:00:00+09:00",
        news: [{ ...(s.news as object[])[0], at: "2025-10-22T18:00:00+09:00" }],
      }),
      /news\[0\]\.at: .* outside the KRX session/,
    ],
    [
      "an impact beyond the daily limit",
      (s) => ({ ...s, news: [{ ...(s.news as object[])[0], impact: { "005380.KS": 0.45 } }] }),
      /news\[0\]\.impact\.005380\.KS: impact beyond \+30%/,
    ],
    [
      "an unknown window",
      (s) => ({ ...s, expect: [{ news: 0, symbol: "005380.KS", window: "2h", minReturn: 0 }] }),
      /expect\[0\]\.window: .* \(got "2h"\)/,
    ],
    [
      "an expectation on a missing headline",
      (s) => ({ ...s, expect: [{ news: 3, symbol: "005380.KS", window: "5m", minReturn: 0 }] }),
      /expect\[0\]\.news: there is no news\[3\]/,
    ],
    [
      "a time without an offset",
      (s) => ({ ...s, start: "2025-10-22T09:00:00" }),
      /start: needs a time-zone offset.* \(got "2025-10-22T09:00:00"\)/,
    ],
    ["an unknown field", (s) => ({ ...s, sede: 1 }), /unrecognized key/i],
    [
      "a study over an unknown window",
      (s) => ({ ...s, studies: [{ q: "tariff", symbol: "005380.KS", window: "close", minCaar: 0 }] }),
      /studies\[0\]\.window: .* \(got "close"\)/,
    ],
    [
      "a study without bounds",
      (s) => ({ ...s, studies: [{ q: "tariff", symbol: "005380.KS", window: "15m" }] }),
      /studies\[0\]: needs at least one of minCaar, maxCaar \(got \{"q":"tariff"/,
    ],
    [
      "a study without a symbol among two stocks",
      (s) => ({ ...s, studies: [{ q: "tariff", window: "15m", minCaar: 0 }] }),
      /studies\[0\]\.symbol: needed: the scenario has 2 stocks besides the benchmark/,
    ],
    [
      "a study of an unknown symbol",
      (s) => ({ ...s, studies: [{ q: "tariff", symbol: "035720.KQ", window: "15m", minCaar: 0 }] }),
      /studies\[0\]\.symbol: unknown symbol 035720\.KQ/,
    ],
  ];

  // Every bad file is refused by the loader with its message; the CLI prints any loader
  // refusal the same way (one line, exit 2), so one of them goes through the CLI (each
  // start of it costs a second or two of CPU).
  badFiles.forEach(([what, patch, message], i) => {
    it(`exits 2 with one line for ${what}`, async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "aftershock-scn-"));
      const file = await writeScenario(dir, "bad", patch);
      const refusal = await loadScenario(file, calendar).then(
        () => null,
        (e: unknown) => e,
      );
      // A ScenarioFileError is what the CLI turns into its one line and exit 2.
      expect(refusal).toBeInstanceOf(ScenarioFileError);
      expect((refusal as ScenarioFileError).message).toMatch(message);
      if (i > 0) return;
      const result = await cli(file);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    });
  });
});

describe("shipped scenarios", async () => {
  const files = (await readdir(SCENARIOS)).filter((f) => f.endsWith(".json")).sort();

  for (const name of files) {
    it(`${name} meets its expectations`, async () => {
      const report = await runScenario(await loadScenario(path.join(SCENARIOS, name), calendar), calendar);
      expect(report.expectations.filter((e) => !e.passed)).toEqual([]);
      expect(report.passed).toBe(true);
    });
  }

  it("flags the second of two close headlines as confounded", async () => {
    const report = await runScenario(
      await loadScenario(path.join(SCENARIOS, "back-to-back-headlines.json"), calendar),
      calendar,
    );
    expect(report.reactions.find((r) => r.newsId === "back-to-back-headlines-1")?.confounded).toBe(true);
    // Its study (symbol left out: the one stock) keeps the first headline and leaves out the second.
    expect(report.studies).toMatchObject([
      { symbol: "005380.KS", window: "15m", passed: true, actual: { n: 1, events: 2 } },
    ]);
  });

  it("stops prices at the +30% limit, never beyond", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "aftershock-scn-"));
    const databaseFile = path.join(dir, "limit.db");
    const scenario = await loadScenario(path.join(SCENARIOS, "limit-up.json"), calendar);
    await runScenario(scenario, calendar, { databaseFile });
    const db = new Database(databaseFile, { readonly: true });
    const day = calendar.sessionOf("2025-10-28")!;
    const prev = db
      .prepare(`SELECT price FROM "Tick" WHERE symbol = '000270.KS' AND ts < ? ORDER BY ts DESC LIMIT 1`)
      .get(day.open) as { price: number };
    const max = db
      .prepare(`SELECT MAX(price) AS p FROM "Tick" WHERE symbol = '000270.KS' AND ts >= ?`)
      .get(day.open) as { p: number };
    db.close();
    const band = priceBand(prev.price);
    expect(max.p).toBe(band.upper);
  });
});
