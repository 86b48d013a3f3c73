import { readFile } from "node:fs/promises";
import { type Scenario, scenarioSchema } from "../../contract/scenario";
import { checkScenario } from "../../domain/scenario/check-scenario";
import type { KrxCalendar } from "../../domain/market/krx-calendar";

/** A scenario file that cannot be run; the message is one line saying what and where. */
export class ScenarioFileError extends Error {
  override name = "ScenarioFileError";
}

/** Reads, parses and checks a scenario file. */
export async function loadScenario(file: string, calendar: KrxCalendar): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ScenarioFileError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioFileError(`${file}: malformed JSON: ${(error as Error).message}`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScenarioFileError(`${file}: ${formatPath(issue.path)}: ${issue.message}`);
  }
  const problem = checkScenario(parsed.data, calendar)[0];
  if (problem) throw new ScenarioFileError(`${file}: ${problem.path}: ${problem.message}`);
  return parsed.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}
