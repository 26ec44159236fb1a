#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the terminal (the demo site unless configured).
# TONGBAN_SKIP_SETUP=1 skips the set-up (the startup benchmark launches the terminal this way).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${TONGBAN_SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh run
# The terminal idles for hours between citizens on machines with 4 GB in all. A small young
# generation (V8's default grows to 16 MB per semi-space) and two malloc arenas instead of one
# per thread keep its resident memory low. A fixed malloc trim threshold hands freed memory
# back to the system: by default glibc raises its thresholds after each large block freed
# (start-up reads megabytes of code and data in such blocks) and then keeps up to twice that
# much free memory per arena, which was 40 MB of the demo terminal's idle 160 (bench/startup).
# None of the three is noticeable in a kiosk's work. The systemd unit
# (build/linux-kiosk/tongban-host.service) sets the same; test/unit/host/memory-settings checks.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-131072}"
exec node --max-semi-space-size=1 bin/tongban.js start "$@"
