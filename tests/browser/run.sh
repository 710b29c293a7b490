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

# The pages only: the booklet's PDF (WeasyPrint, tens of seconds) has tests of its own.
"$handbook" build --no-pdf --site . --profile public --out build/a11y/public
"$handbook" build --no-pdf --site . --profile internal --out build/a11y/internal

source tests/browser/setup.sh

exec node tests/browser/a11y.mjs "$@"
