// `npm start` serves a production build; this builds one first when there is none or when
// the sources changed since, so a fresh clone needs only `npm install && npm start`.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "contract", "domain", "public", "next.config.js", "package.json", "tsconfig.json"];
const buildId = path.join(".next", "BUILD_ID");

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (built === 0 || SOURCES.some((source) => newest(source) > built)) {
  console.log(
    built === 0 ? "No production build yet: building the dashboard…" : "Sources changed: rebuilding the dashboard…",
  );
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}
