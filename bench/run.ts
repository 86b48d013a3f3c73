import os from "node:os";
import { benchBrowser } from "./browser.bench";
import { benchCandles } from "./candles.bench";
import { benchClusterFanout } from "./cluster-fanout.bench";
import { benchFanout } from "./fanout.bench";
import { benchOutsideSockets } from "./outside-sockets.bench";
import { benchReactions } from "./reactions.bench";
import { benchStudy, benchStudyStore } from "./study.bench";
import { benchReplay } from "./replay.bench";
import { benchPostgresStore } from "./postgres-store.bench";
import { benchSlowConsumers } from "./slow-consumers.bench";
import { benchSqliteStore } from "./sqlite-store.bench";
import { benchTapeFeed } from "./tape-feed.bench";
import type { BenchResult } from "./harness";

// `npm run bench [-- --quick] [-- --json] [-- --only candles,fanout]`: each figure with its
// same-run baseline; --only runs the suites named (benchCandles is "candles").
const argv = process.argv.slice(2);
const args = new Set(argv);
const quick = args.has("--quick");
const json = args.has("--json");
const onlyAt = argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? "").split(",").filter(Boolean)) : null;

const suites: Array<(quick: boolean) => Promise<BenchResult[]>> = [
  benchSqliteStore,
  benchPostgresStore,
  benchReactions,
  benchStudy,
  benchStudyStore,
  benchReplay,
  benchTapeFeed,
  benchCandles,
  benchFanout,
  benchOutsideSockets,
  benchSlowConsumers,
  benchClusterFanout,
  benchBrowser,
];
const suiteName = (suite: (typeof suites)[number]) =>
  suite.name.replace(/^bench/, "").replace(/^./, (c) => c.toLowerCase());
if (only) {
  const unknown = [...only].filter((name) => !suites.some((suite) => suiteName(suite) === name));
  if (only.size === 0 || unknown.length > 0) {
    console.error(
      `--only: unknown suite ${JSON.stringify(unknown.join(",") || "")}; one of ${suites.map(suiteName).join(", ")}`,
    );
    process.exit(2);
  }
}
const results: BenchResult[] = [];
// Other processes competing for the CPU move every figure here; say how busy the machine was.
const machine = () => `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`;
// With --json the load goes to stderr, so stdout stays one JSON array.
(json ? console.error : console.log)(`machine: ${machine()} at start`);
for (const suite of suites.filter((suite) => !only || only.has(suiteName(suite)))) {
  let rows: BenchResult[];
  try {
    rows = await suite(quick);
  } catch (error) {
    // One broken suite does not hide the others' figures; the run still fails at the end.
    process.exitCode = 1;
    console.error(`${suite.name}: failed: ${(error as Error).stack ?? String(error)}`);
    continue;
  }
  for (const r of rows) {
    results.push(r);
    if (!json && r.skipped) console.log(`${r.name}: skipped: ${r.skipped}`);
    else if (!json) {
      const base = r.baseline
        ? `  baseline ${r.baseline}: ${r.baselineValue?.toLocaleString("en-US")} ${r.unit}  ratio ${r.ratio}x`
        : "";
      console.log(`${r.name}: ${r.value.toLocaleString("en-US")} ${r.unit}${base}`);
    }
  }
}
if (json) console.log(JSON.stringify(results));
(json ? console.error : console.log)(`machine: ${machine()} at end`);
