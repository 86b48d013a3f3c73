import { execFile } from "node:child_process";
import type { ScenarioReport } from "../../server/scenario/run-scenario";

/**
 * `npm run scenario -- FILE --json`, run as a child process: the headless report the browser
 * must agree with. Exit 1 (an expectation failed) still carries a report; anything else throws.
 */
export function runScenarioCli(file: string): Promise<ScenarioReport> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server/cli/scenario.ts", file, "--json"],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: number | string }).code : 0;
        if (code !== 0 && code !== 1)
          return reject(new Error(`scenario CLI failed on ${file} (exit ${code}):\n${stderr}`));
        try {
          resolve(JSON.parse(stdout) as ScenarioReport);
        } catch {
          reject(new Error(`scenario CLI printed no JSON for ${file}:\n${stdout.slice(0, 2_000)}\n${stderr}`));
        }
      },
    );
  });
}
