#!/usr/bin/env bash
# Builds both editions of the bundled handbook and checks them in a real browser (Debian's
# Chromium): axe-core WCAG 2.0/2.1 A+AA, skip link and focus, search, well-formed XML, and
# screenshots at 375 px and 1280 px in build/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The generator to use: ./build/handbook (built here when missing), or $HANDBOOK.
handbook="${HANDBOOK:-./build/handbook}"
if [[ -z "${HANDBOOK:-}" && ! -x build/handbook ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j2 --target handbook
fi

"$handbook" build --site . --profile public --out build/a11y/public
"$handbook" build --site . --profile internal --out build/a11y/internal

chromium_bin="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium_bin" ]]; then
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

if [[ ! -d tests/browser/node_modules ]]; then
  if [[ -f tests/browser/package-lock.json ]]; then
    (cd tests/browser && npm ci --no-audit --no-fund)
  else
    (cd tests/browser && npm install --no-audit --no-fund)
  fi
fi

exec node tests/browser/a11y.mjs "$@"
