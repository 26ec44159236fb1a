#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the terminal (the demo site unless configured).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
exec node bin/tongban.js start "$@"
