#!/usr/bin/env bash
# Makes a fresh machine ready: Debian packages, npm dependencies, the built UI.
# Usage: scripts/setup.sh run|test   (test also installs what the test suite drives)
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-run}"
run_packages=(chromium fonts-noto-cjk socat librime1 rime-data-luna-pinyin rime-prelude rime-essay libzinnia0 tegaki-zinnia-simplified-chinese tegaki-zinnia-japanese espeak-ng x11-utils)
test_packages=(cups-ipp-utils avahi-daemon dbus sane-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng poppler-utils postgresql xvfb sox imagemagick zbar-tools systemd cage
  fonts-arphic-ukai fonts-arphic-uming fonts-wqy-zenhei fonts-cwtex-fs ffmpeg)
packages=("${run_packages[@]}")
[ "$purpose" = test ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Install only when package.json or the lock changed since the last install. `npm install` (which
# follows the lock) rather than `npm ci`: npm 11.19 writes a lock without the other platforms'
# optional bindings of unrs-resolver and then refuses that very lock in `npm ci`.
stamp=node_modules/.tongban-lock.sha256
state() { sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1; }
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(state)" ]; then
  echo "setup: installing npm dependencies"
  # Electron's postinstall downloads its binary; where that cannot work the terminal runs in the
  # Chromium host, so the download is tried separately and allowed to fail.
  # onnxruntime-node's install script fetches CUDA libraries; its CPU runtime (all PaddleOCR
  # needs) is inside the npm package, so the documented skip option leaves nothing missing.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 ONNXRUNTIME_NODE_INSTALL=skip npm install --no-audit --no-fund
  if [ -z "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" ]; then
    if timeout 300 node node_modules/electron/install.js >/dev/null 2>&1; then
      echo "setup: Electron binary installed: npm start opens the Electron window"
    else
      echo "setup: Electron binary not available here: npm start uses the Chromium host"
    fi
  fi
  state > "$stamp"
fi

npm run --silent build
