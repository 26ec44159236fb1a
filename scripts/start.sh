#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the terminal (the demo site unless configured).
# TONGBAN_SKIP_SETUP=1 skips the set-up (the startup benchmark launches the terminal this way).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${TONGBAN_SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh run
# The terminal idles for hours between citizens on machines with 4 GB in all: a small young
# generation (V8's default grows to 16 MB per semi-space) and two malloc arenas instead of one
# per thread keep its resident memory low; neither is noticeable in a kiosk's work.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --max-semi-space-size=1 bin/tongban.js start "$@"
