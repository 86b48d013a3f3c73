import { parseArgs } from "node:util";
import { AppError } from "../../contract/errors";
import { studyQuery } from "../../contract/schemas";
import { BENCHMARK, SHIPPED_INSTRUMENTS } from "../../domain/instruments";
import { KrxCalendar } from "../../domain/market/krx-calendar";
import { parseEnv } from "../config/env";
import { describeError } from "../import/import-errors";
import { settledReach } from "../operations/get-reactions";
import { getStudy } from "../operations/get-study";
import { openStore } from "../store/open-store";
import type { Store } from "../store/store";
import { formatStudy } from "../study/format-study";

// npm run study -- --symbol SYMBOL [--q TEXT] [--resolution intraday|daily] [--from T] [--to T]
//   [--source NAME] [--news-ids ID,ID…] [--json]
// The study GET /api/study answers, over the database DATABASE_URL names. Exit 0 with the
// windows table (or, with --json, the Study object); 2 on a bad argument or an unusable
// database, one line on stderr naming the argument and its value.
const USAGE = `usage: npm run study -- --symbol SYMBOL [--q "TEXT"] [--resolution intraday|daily]
       [--from TIME] [--to TIME] [--source NAME] [--news-ids ID,ID,…] [--json]`;

// Each option and the query parameter of /api/study it fills.
const FLAGS = {
  symbol: "symbol",
  q: "q",
  resolution: "resolution",
  from: "from",
  to: "to",
  source: "source",
  "news-ids": "newsIds",
} as const;
type Flag = keyof typeof FLAGS;

function fail(message: string): never {
  console.error(`study: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      ...(Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: "string" }])) as Record<
        Flag,
        { type: "string" }
      >),
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.symbol === undefined) fail(`--symbol is required\n${USAGE}`);

const raw: Record<string, string> = {};
for (const flag of Object.keys(FLAGS) as Flag[]) {
  const value = values[flag];
  if (value !== undefined) raw[FLAGS[flag]] = value;
}
const parsed = studyQuery.safeParse(raw);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  const flag = (Object.keys(FLAGS) as Flag[]).find((f) => FLAGS[f] === field);
  if (!flag) fail(issue?.message ?? "invalid arguments");
  fail(`--${flag}: ${issue?.message ?? "invalid"} (got "${raw[FLAGS[flag]]}")`);
}

let store: Store;
try {
  // Like `npm run import`: migrates only a database that is behind, never one that is current.
  store = await openStore(parseEnv(), "cli");
} catch (error) {
  fail(`could not open the database: ${describeError(error)}`);
}

try {
  const calendar = new KrxCalendar();
  const instruments = new Map([...SHIPPED_INSTRUMENTS, ...(await store.instruments.list())].map((i) => [i.symbol, i]));
  const last = [...(await store.ticks.lastTicks()).values()].reduce<number | null>(
    (m, t) => Math.max(m ?? t.ts, t.ts),
    null,
  );
  // Nothing adds ticks while the CLI runs: the data is as settled as with FEED=off.
  const reach = last === null ? null : settledReach(calendar, last);
  const study = await getStudy({ store, calendar, instruments, benchmark: BENCHMARK }, parsed.data, reach);
  console.log(values.json ? JSON.stringify(study) : formatStudy(study));
} catch (error) {
  console.error(`study: ${error instanceof AppError ? error.message : `failed: ${describeError(error)}`}`);
  process.exitCode = 2;
} finally {
  await store.close();
}
