#!/usr/bin/env bash
# `npm test`: set up what is missing, then every check CI runs: lint (with the rules of the
# house), type-check (Electron code against the real electron types), unit and integration
# tests (vitest), end-to-end tests (Playwright in Debian Chromium against the Chromium host).
# The closing line (scripts/test-summary.mjs) counts every check and every test that did not
# pass, including tests that never ran because their setup failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1

# Reports of an earlier run go first: a runner that dies must leave no report, not an old one.
vitest_report=test-results/vitest-outcomes.json
e2e_report=test-results/e2e-report.json
rm -f "$vitest_report" "$e2e_report"
mkdir -p test-results

checks=()
step() {
  local name="$1"
  shift
  echo
  echo "== $name"
  "$@"
  checks+=(--check "$name=$?")
}
step "lint" npx --no-install eslint --max-warnings 0 .
step "type-check" npm run --silent typecheck
echo
echo "== unit and integration tests"
TONGBAN_VITEST_OUTCOMES="$vitest_report" npx --no-install vitest run --reporter=default --reporter=./test/support/outcome-reporter.ts
runners=(--exit "vitest=$?")
echo
echo "== end-to-end tests"
env CI=1 npx --no-install playwright test -c test/e2e/playwright.config.ts
runners+=(--exit "playwright=$?")
echo
node scripts/test-summary.mjs --vitest "$vitest_report" --playwright "$e2e_report" "${checks[@]}" "${runners[@]}"
