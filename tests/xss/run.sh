#!/usr/bin/env bash
# The XSS corpus in a real browser: builds a copy of the handbook with every payload of
# tests/xss/payloads.txt in every kind of front matter field and of Markdown, loads every page of
# both editions and both booklets in Debian's Chromium with dialog, console and network hooks,
# and fails if any payload runs or could run. See tests/xss/README.md.
#   HANDBOOK=path/to/handbook  the generator (default ./build/handbook, built when missing)
#   XSS_KEEP=1                 keep the site and its output in a temporary folder
#   XSS_VERBOSE=1              list each placement the build refused
#   XSS_PAGES=REGEX            load only the pages whose path matches (for a quick look)
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -z "${HANDBOOK:-}" && ! -x build/handbook ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j2 --target handbook
fi

# Chromium, Node.js and playwright-core, as the accessibility checks have them.
source tests/browser/setup.sh

exec node tests/xss/xss.mjs "$@"
