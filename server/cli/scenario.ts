import { KrxCalendar } from "../../domain/market/krx-calendar";
import { ScenarioFileError, loadScenario } from "../scenario/load-scenario";
import { formatReport } from "../scenario/format-report";
import { runScenario } from "../scenario/run-scenario";

// npm run scenario -- FILE [--json]: exit 0 when every expectation holds, 1 when one
// fails, 2 when the file is bad (one line on stderr saying what and where).
const args = process.argv.slice(2);
const json = args.includes("--json");
const files = args.filter((a) => !a.startsWith("--"));
if (files.length !== 1) {
  console.error("usage: npm run scenario -- FILE [--json]");
  process.exit(2);
}

const calendar = new KrxCalendar();
try {
  const scenario = await loadScenario(files[0]!, calendar);
  const started = performance.now();
  let lastProgress = started;
  const report = await runScenario(scenario, calendar, {
    progress: (ticks, t) => {
      if (performance.now() - lastProgress < 1_000) return;
      lastProgress = performance.now();
      process.stderr.write(`… ${ticks.toLocaleString("en-US")} ticks, market time ${new Date(t).toISOString()}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(json ? JSON.stringify(report) : formatReport(report, seconds));
  process.exitCode = report.passed ? 0 : 1;
} catch (error) {
  if (error instanceof ScenarioFileError) {
    console.error(`scenario: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}
