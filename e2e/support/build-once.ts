import { execFileSync } from "node:child_process";

/** Global setup: a production build of the current sources, built once before any server starts. */
export default function buildOnce(): void {
  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { stdio: "inherit" });
}
