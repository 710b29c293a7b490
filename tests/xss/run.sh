#!/usr/bin/env bash
# The XSS corpus in a real browser: builds a copy of the handbook with every payload of
# tests/xss/payloads.txt in every kind of front matter field and of Markdown, loads every page of
# both editions and both booklets in Debian's Chromium with dialog, console and network hooks,
# and fails if any payload runs or could run. See tests/xss/README.md.
#   HANDBOOK=path/to/handbook  the generator (default ./build/handbook, built when missing)
#   XSS_KEEP=1                 keep the site and its output in a temporary folder
#   XSS_VERBOSE=1              list each placement the build refused
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -z "${HANDBOOK:-}" && ! -x build/handbook ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j2 --target handbook
fi

if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "Installing Chromium (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing Node.js and npm (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
# playwright-core comes from tests/browser, which the accessibility checks use too.
if [[ ! -d tests/browser/node_modules/playwright-core ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi

exec node tests/xss/xss.mjs "$@"
