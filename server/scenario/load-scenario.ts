import { readFile } from "node:fs/promises";
import { type Scenario, scenarioSchema } from "../../contract/scenario";
import { checkScenario } from "../../domain/scenario/check-scenario";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import { ensure } from "../../domain/invariant";

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
    const issue = ensure(parsed.error.issues[0], "the first schema issue");
    throw new ScenarioFileError(
      `${file}: ${formatPath(issue.path)}: ${issue.message}${describeValue(json, issue.path)}`,
    );
  }
  const problem = checkScenario(parsed.data, calendar)[0];
  if (problem) throw new ScenarioFileError(`${file}: ${problem.path}: ${problem.message}`);
  return parsed.data;
}

// The value the file holds at `path`, so the error names what was wrong and not only where.
const MAX_VALUE_CHARS = 60;
function describeValue(json: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = json;
  for (const key of path) {
    if (value === null || typeof value !== "object") return "";
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined || path.length === 0) return "";
  const text = JSON.stringify(value);
  return ` (got ${text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text})`;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}
