#!/usr/bin/env bash
# Makes sure Playwright has a browser. Playwright cannot download its own browsers on our
# machines, so we use Debian's `chromium` package (playwright.config.ts points at
# /usr/bin/chromium), with Debian's Nanum fonts so Korean headlines and names render in
# the screenshots instead of empty boxes. Never fetches a browser any other way.
# Exit status: 0 a browser is there, 1 installing failed, 3 no browser here: skip e2e.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
FONTS=fonts-nanum
can_apt() { [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

if [[ -x "$CHROMIUM" ]]; then
  echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo "present") at $CHROMIUM"
  # Korean glyphs only matter to the eye; a failed font install is said, not fatal.
  if can_apt && ! dpkg -s "$FONTS" >/dev/null 2>&1; then
    if { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "$FONTS"; } >/dev/null 2>&1; then
      echo "chromium: installed $FONTS for Korean text"
    else
      echo "chromium: could not install $FONTS; Korean text may render as boxes in screenshots"
    fi
  fi
  exit 0
fi

if can_apt; then
  log="$(mktemp -t aftershock-apt-chromium.XXXXXX)"
  started=$SECONDS
  if apt-get update >"$log" 2>&1 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium "$FONTS" >>"$log" 2>&1 &&
    [[ -x "$CHROMIUM" ]]; then
    echo "chromium: installed with apt-get in $((SECONDS - started)) s ($("$CHROMIUM" --version 2>/dev/null || true))"
    rm -f "$log"
    exit 0
  fi
  echo "chromium: apt-get install failed after $((SECONDS - started)) s; last lines of $log:" >&2
  tail -n 15 "$log" >&2
  exit 1
fi

# A developer laptop (not root, or no apt): Playwright's own browser may be installed there.
# Asking Playwright where it would look downloads nothing.
own="$(node -e 'const p = require("path"); const fs = require("fs");
  const root = p.dirname(p.dirname(p.dirname(require("playwright-core").chromium.executablePath())));
  const found = fs.existsSync(root) && fs.readdirSync(root).find((d) => /^chromium(_headless_shell)?-\d+$/.test(d));
  if (found) console.log(p.join(root, found));' 2>/dev/null || true)"
if [[ -n "$own" ]]; then
  echo "chromium: $CHROMIUM not found; e2e will use Playwright's own browser ($own)"
  exit 0
fi
echo "chromium: $CHROMIUM not found and Playwright's own browser is not installed; skipping e2e" \
  "(install chromium with your package manager, or run: npx playwright install chromium)"
exit 3
