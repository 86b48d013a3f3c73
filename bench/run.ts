import { benchReactions } from "./reactions.bench";
import { benchPostgresStore } from "./postgres-store.bench";
import { benchSqliteStore } from "./sqlite-store.bench";
import type { BenchResult } from "./harness";

// `npm run bench [-- --quick] [-- --json]`: each figure with its same-run baseline.
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const json = args.has("--json");

const suites: Array<(quick: boolean) => Promise<BenchResult[]>> = [benchSqliteStore, benchPostgresStore, benchReactions];
const results: BenchResult[] = [];
for (const suite of suites) {
  for (const r of await suite(quick)) {
    results.push(r);
    if (!json) {
      const base = r.baseline ? `  baseline ${r.baseline}: ${r.baselineValue?.toLocaleString("en-US")} ${r.unit}  ratio ${r.ratio}x` : "";
      console.log(`${r.name}: ${r.value.toLocaleString("en-US")} ${r.unit}${base}`);
    }
  }
}
if (json) console.log(JSON.stringify(results));
