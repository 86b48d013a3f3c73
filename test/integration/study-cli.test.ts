import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsItem, Study } from "../../contract/model";
import { getOk, postJson } from "../support/http";
import { removeDb, startTestApp } from "../support/start-test-app";

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const at = (day: string, hhmm: string) => `2025-10-${day}T${hhmm}:00+09:00`;
const POSTS = [
  { publishedAt: at("21", "10:00"), headline: "Tariff talks resume in Washington" },
  { publishedAt: at("21", "11:30"), headline: "Hyundai Motor tariff relief hopes grow" },
  { publishedAt: at("22", "09:30"), headline: "Carmakers brace for tariff decision" },
  { publishedAt: at("21", "14:00"), headline: "Chip exports climb" },
];

let dbFile: string;
let api: Study;

/** `npm run study -- …args` as its own process (without npm) against the test database. */
async function study(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "server/cli/study.ts", ...args],
      {
        env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
        timeout: 120_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run study", () => {
  beforeAll(async () => {
    // The seeded history plus a few headlines, written by the real server, which then stops:
    // the CLI reads the SQLite file it leaves, as after `npm run import`.
    const app = await startTestApp({ env: { FEED: "off" } });
    dbFile = app.dbFile;
    try {
      for (const p of POSTS) {
        const res = await postJson<NewsItem>(app.url, "/api/news", {
          ...p,
          body: "Shares of 005380.KS moved.",
          source: "cli wire",
          tickers: ["005380.KS"],
        });
        expect(res.status).toBe(201);
      }
      api = await getOk<Study>(
        app.url,
        `/api/study?symbol=005380.KS&q=tariff&source=${encodeURIComponent("cli wire")}`,
      );
    } finally {
      await app.close();
    }
  }, 180_000);
  afterAll(async () => removeDb(dbFile));

  it("--json prints the Study /api/study answers for the same query", async () => {
    const run = await study("--symbol", "005380.KS", "--q", "tariff", "--source", "cli wire", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Study;
    expect(printed.n).toBe(3);
    expect(printed.events).toHaveLength(3);
    expect(printed).toEqual(api);
  });

  it("prints the windows table: each window's CAAR, positives and tests", async () => {
    const run = await study("--symbol", "005380.KS", "--q", "tariff", "--source", "cli wire");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Study of 005380\.KS \(intraday, benchmark \^KS11\): 3 headlines, 3 included\n/);
    const lines = run.stdout.split("\n");
    expect(lines[2]).toMatch(/^window\s+CAAR\s+positive\s+t\s+Patell Z\s+BMP t\s+Corrado\s+sign$/);
    for (const w of api.windows) {
      const row = lines.find((l) => l.startsWith(`${w.window} `));
      expect(row, w.window).toBeDefined();
      const caar = `${w.caar! >= 0 ? "+" : ""}${(w.caar! * 100).toFixed(2)}%`;
      expect(row).toContain(caar);
      expect(row).toContain(`${w.positive}/3`);
      expect(row).toContain(w.tests.crossSectionalT.statistic!.toFixed(2));
    }
  });

  it("--news-ids and --from/--to narrow the study like the API's parameters", async () => {
    const id = api.events[0]!.newsId;
    const one = JSON.parse((await study("--symbol", "005380.KS", "--news-ids", id, "--json")).stdout) as Study;
    expect(one.events.map((e) => e.newsId)).toEqual([id]);
    const day = JSON.parse(
      (
        await study(
          "--symbol",
          "005380.KS",
          "--q",
          "tariff",
          "--source",
          "cli wire",
          "--from",
          at("22", "09:00"),
          "--json",
        )
      ).stdout,
    ) as Study;
    expect(day.events).toHaveLength(1);
  });

  it("--resolution daily prints the daily windows, each headline left out with its reason", async () => {
    // The seeded history is weeks long: no headline has its 250-day estimation window.
    const run = await study("--symbol", "005380.KS", "--q", "tariff", "--source", "cli wire", "--resolution", "daily");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Study of 005380\.KS \(daily, benchmark \^KS11\): 3 headlines, 0 included\n/);
    for (const w of ["0", "-1..1", "0..1", "0..5", "0..20"])
      expect(run.stdout).toMatch(new RegExp(`^${w.replace(/\./g, "\\.")}\\s+—`, "m"));
    expect(run.stdout).toMatch(
      /3 left out:\n( {2}.*: (estimation window too short: \d+ daily returns|confounded by) .*\n?){3}$/,
    );
  });

  const bad: Array<[string, string[], RegExp]> = [
    [
      "an unknown resolution",
      ["--symbol", "005380.KS", "--resolution", "hourly"],
      /^study: --resolution: .* \(got "hourly"\)\n$/,
    ],
    ["a bad time", ["--symbol", "005380.KS", "--from", "yesterday"], /^study: --from: .* \(got "yesterday"\)\n$/],
    ["a bad symbol", ["--symbol", "hyundai!"], /^study: --symbol: .* \(got "hyundai!"\)\n$/],
    [
      "a bad news id",
      ["--symbol", "005380.KS", "--news-ids", "a/b"],
      /^study: --news-ids: not a valid news id \(got "a\/b"\)\n$/,
    ],
    ["an unknown symbol", ["--symbol", "999999.KS"], /^study: symbol: "999999\.KS" is not a known instrument\n$/],
    ["an unknown option", ["--symbol", "005380.KS", "--query", "tariff"], /^study: Unknown option '--query'/],
    ["no --symbol", ["--q", "tariff"], /^study: --symbol is required\n/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 on ${what}, one line naming it`, async () => {
      const run = await study(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
    });
  }
});
