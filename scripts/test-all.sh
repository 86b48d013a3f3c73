#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit, integration, browser check, Playwright. Every stage runs even
# when an earlier one failed, so one run shows everything that is wrong; the exit status is
# non-zero if anything failed. The last line is the plain summary `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d -t aftershock-test-all.XXXXXX)"
trap 'rm -rf "$results"' EXIT

passed=0
failed=0
any_failed=0
stage_rc=0
recap=()

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Passed and failed test counts from a vitest or Playwright JSON report, as "P F".
count_report() {
  node -e '
    const fs = require("fs");
    const [kind, file] = process.argv.slice(1);
    if (!fs.existsSync(file)) { console.log("- -"); process.exit(0); }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") console.log(`${r.numPassedTests} ${r.numFailedTests}`);
    else console.log(`${r.stats.expected + r.stats.flaky} ${r.stats.unexpected}`);
  ' "$1" "$2" 2>/dev/null || echo "- -"
}

# run_stage NAME REPORT_KIND REPORT_FILE -- COMMAND…  (REPORT_KIND: none | vitest | playwright);
# leaves the command's exit status in stage_rc.
run_stage() {
  local name=$1 kind=$2 report=$3
  shift 4
  echo
  echo "=== $name: $* ==="
  local start rc=0
  start="$(now)"
  "$@" || rc=$?
  stage_rc=$rc
  local secs p=- f=-
  secs="$(elapsed "$start")"
  if [[ "$kind" != none ]]; then read -r p f < <(count_report "$kind" "$report"); fi
  [[ "$p" =~ ^[0-9]+$ ]] && passed=$((passed + p))
  [[ "$f" =~ ^[0-9]+$ ]] && failed=$((failed + f))
  local status="ok"
  if [[ $rc -ne 0 ]]; then
    status="FAILED (exit $rc)"
    any_failed=1
    # A stage that failed without a failed test to show for it (a type error, a crash, a
    # server that never started) still counts once, so the summary never reads "0 failed".
    if ! [[ "$f" =~ ^[1-9][0-9]*$ ]]; then failed=$((failed + 1)); fi
  fi
  local counts=""
  [[ "$kind" != none ]] && counts=", $p passed, $f failed"
  echo "--- $name: $status in ${secs} s$counts"
  recap+=("$(printf '%-12s %-18s %7s s%s' "$name" "$status" "$secs" "$counts")")
  return 0
}

# Debian's Chromium installs (apt: mostly download and unpack) while the other stages run;
# its output and its own time are shown before Playwright, which waits for it.
browser_log="$results/chromium.log"
(
  start="$(now)"
  rc=0
  bash scripts/ensure-chromium.sh || rc=$?
  echo "$rc $(elapsed "$start")" >"$results/chromium.done"
) >"$browser_log" 2>&1 &
browser_pid=$!

run_stage typecheck none - -- npx tsc --noEmit
# The production build Playwright makes need not check the same types again (next.config.js).
if [[ $stage_rc -eq 0 ]]; then export AFTERSHOCK_TYPECHECKED=1; fi
run_stage lint none - -- npm run --silent lint
run_stage unit vitest "$results/unit.json" -- \
  npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
run_stage integration vitest "$results/integration.json" -- \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json"

echo
echo "=== chromium: scripts/ensure-chromium.sh (in the background since the start) ==="
wait "$browser_pid" || true
cat "$browser_log"
browser_rc=1 secs=-
if [[ -s "$results/chromium.done" ]]; then read -r browser_rc secs <"$results/chromium.done"; fi
echo "--- chromium: exit $browser_rc in ${secs} s"
recap+=("$(printf '%-12s %-18s %7s s' chromium "exit $browser_rc" "$secs")")
if [[ $browser_rc -eq 0 ]]; then
  run_stage playwright playwright "$results/playwright.json" -- \
    env PLAYWRIGHT_JSON_OUTPUT_FILE="$results/playwright.json" npx playwright test
elif [[ $browser_rc -eq 3 && -z "${CI:-}" ]]; then
  # A laptop without any browser: say so and go on; CI must always run the browser suite.
  recap+=("$(printf '%-12s %-18s' playwright "skipped (no browser)")")
else
  any_failed=1
  failed=$((failed + 1))
  recap+=("$(printf '%-12s %-18s' playwright "FAILED (no browser)")")
fi

echo
echo "=== summary ==="
printf '%s\n' "${recap[@]}"
echo "$passed passed, $failed failed"
exit "$any_failed"
