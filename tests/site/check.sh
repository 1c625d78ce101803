#!/bin/sh
# `tandem check --strict` on the repository's own site (README, "Check a site").
#   tests/site/check.sh TANDEM SITE_DIR
# A shallow clone (CI may clone with --depth 1) has no history to date pages or compare
# translations by: there the one finding allowed is git-shallow, which says exactly that.
set -eu
tandem=$1
site=$2
if [ "$(git -C "$site" rev-parse --is-shallow-repository 2>/dev/null)" != true ]; then
  exec "$tandem" check --strict --source "$site"
fi
echo "shallow clone: every finding but git-shallow fails the check"
"$tandem" check --strict --format json --source "$site" >"${TMPDIR:-/tmp}/tandem-site-check.$$.json" || true
status=0
python3 - "${TMPDIR:-/tmp}/tandem-site-check.$$.json" <<'PY' || status=$?
import json, sys
findings = json.load(open(sys.argv[1]))
others = [f for f in findings if f["code"] != "git-shallow"]
for f in findings:
    print(f"{f['file']}:{f['line']}:{f['column']}: {f['severity']}: {f['message']} [{f['code']}]")
sys.exit(1 if others or not findings else 0)
PY
rm -f "${TMPDIR:-/tmp}/tandem-site-check.$$.json"
exit $status
