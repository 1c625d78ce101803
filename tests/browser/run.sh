#!/usr/bin/env bash
# Readers' view tests of a generated site: real browser (Debian's Chromium), axe-core,
# html-validate. Usage: tests/browser/run.sh <public-dir> <screenshot-dir>
# Fails (never skips) when something it needs is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fail() { echo "browser tests: $*" >&2; exit 1; }

[ $# -eq 2 ] || fail "usage: $0 <public-dir> <screenshot-dir>"
public="$1"
shots="$2"

command -v node >/dev/null 2>&1 || fail "node is not installed (apt-get install nodejs npm)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || fail "node $(node --version) is too old: html-validate needs node >= 20.19"
for pkg in playwright-core axe-core html-validate; do
  [ -f "$here/node_modules/$pkg/package.json" ] \
    || fail "node_modules is missing $pkg: run npm ci in tests/browser"
done
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || fail "Chromium cannot start: $chromium not found (apt-get install chromium)"
[ -f "$public/index.html" ] || fail "$public/index.html not found: build the site first (./build/tandem build)"

mkdir -p "$shots"
export TANDEM_PUBLIC="$(cd "$public" && pwd)"
export TANDEM_SCREENSHOTS="$(cd "$shots" && pwd)"
export CHROMIUM="$chromium"

cd "$here"
# Both files at once: html-validate (about a second of work in Node) runs while the browser
# test waits on Chromium. Each test has its own time limit, and the whole run one more, so a
# hung browser cannot stall the suite.
exec timeout --kill-after=10 600 node --test --test-concurrency=2 --test-timeout=120000 \
  readers-view.test.js html-validity.test.js search.test.js identity.test.js
