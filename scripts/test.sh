#!/usr/bin/env bash
# `npm test`: set up what is missing, then every check CI runs: lint (with the rules of the
# house), type-check (Electron code against the real electron types), unit and integration
# tests (vitest), end-to-end tests (Playwright in Debian Chromium against the Chromium host).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test || exit 1

mkdir -p test-results
status=0
step() {
  echo
  echo "== $1"
  shift
  "$@" || status=1
}
step "lint" npx --no-install eslint --max-warnings 0 .
step "type-check" npm run --silent typecheck
step "unit and integration tests" npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest-report.json
step "end-to-end tests" env CI=1 npx --no-install playwright test -c test/e2e/playwright.config.ts
node scripts/test-summary.mjs test-results/vitest-report.json test-results/e2e-report.json || status=1
exit "$status"
