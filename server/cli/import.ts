import { parseArgs } from "node:util";
import { parseEnv } from "../config/env";
import { ImportError, describeError } from "../import/import-errors";
import { importNews } from "../import/import-news";
import { importTicks } from "../import/import-ticks";
import { ProgressLine } from "../import/progress-line";
import { openStore } from "../store/open-store";
import type { Store } from "../store/store";
import { ensure } from "../../domain/invariant";

// npm run import -- --symbol SYMBOL FILE.csv [--name NAME] | --news FILE.json|FILE.xml|URL
// Exit 0 when the import ran (skipped rows and rejected items are reported, not fatal),
// 2 when it could not (nothing is left half-imported), 130 when interrupted.
const USAGE = `usage: npm run import -- --symbol SYMBOL FILE.csv [--name "Display name"]
       npm run import -- --news FILE.json|FILE.xml|URL`;
// Enough to see what is wrong with a file; the summary still counts every skipped row.
const MAX_ROW_MESSAGES = 50;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function fail(message: string, code = 2): never {
  console.error(`import: ${message}`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      symbol: { type: "string" },
      name: { type: "string" },
      news: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const tickMode = values.symbol !== undefined && values.news === undefined && positionals.length === 1;
const newsMode =
  values.news !== undefined && values.symbol === undefined && values.name === undefined && positionals.length === 0;
if (!tickMode && !newsMode) fail(USAGE);

let store: Store;
try {
  store = await openStore(parseEnv(), "cli");
} catch (error) {
  fail(`could not open the database: ${describeError(error)}`);
}

// Ctrl-C during a tick import stops it and undoes its writes; a second one kills outright.
const controller = new AbortController();
if (tickMode) {
  process.once("SIGINT", () => controller.abort());
  process.once("SIGTERM", () => controller.abort());
}

const started = performance.now();
const progress = new ProgressLine(process.stderr);
try {
  if (tickMode) {
    let shown = 0;
    const summary = await importTicks(store, {
      symbol: ensure(values.symbol, "--symbol"),
      file: ensure(positionals[0], "the file argument"),
      ...(values.name !== undefined && { name: values.name }),
      signal: controller.signal,
      onProgress: (rows) => progress.update(rows),
      onRowError: (line, message) => {
        if (++shown <= MAX_ROW_MESSAGES) progress.note(`line ${line} skipped: ${message}`);
      },
    });
    progress.clear();
    const seconds = (performance.now() - started) / 1000;
    const seqs = summary.ticks > 0 ? `, seq ${summary.firstSeq}–${summary.lastSeq}` : "";
    const more = summary.skipped > MAX_ROW_MESSAGES ? `; the first ${MAX_ROW_MESSAGES} are listed above` : "";
    console.log(
      `imported ${count(summary.ticks, "tick")} from ${count(summary.rows - summary.skipped, "row")}, ` +
        `${count(summary.skipped, "row")} skipped` +
        ` (${summary.symbol}${seqs}${summary.instrumentCreated ? ", new instrument" : ""}; ` +
        `${seconds.toFixed(1)} s, ${Math.round(summary.rows / seconds).toLocaleString("en-US")} rows/s${more})`,
    );
  } else {
    const summary = await importNews(store, ensure(values.news, "--news"));
    for (const { item, reason } of summary.rejected) console.error(`item ${item} rejected: ${reason}`);
    console.log(`${summary.added} added, ${summary.duplicates} already there, ${summary.rejected.length} rejected`);
  }
} catch (error) {
  progress.clear();
  const interrupted = controller.signal.aborted;
  const message = error instanceof ImportError ? error.message : `failed: ${describeError(error)}`;
  const unchanged = tickMode && !(error instanceof ImportError && error.leftPartial);
  console.error(`import: ${message}${unchanged ? " (the database is unchanged)" : ""}`);
  process.exitCode = interrupted ? 130 : 2;
} finally {
  await store.close();
}
