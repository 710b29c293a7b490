#!/usr/bin/env bash
# Installs what is missing (Debian packages), builds the generator (Release) and renders the
# bundled handbook into _site/public and _site/internal.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build: compilers (clang for the CI job) and libraries (libunistring: heading ids as GitHub
# makes them). Booklet PDF: weasyprint; its tests: poppler-utils, qpdf (the PDF/UA-1 test).
# Browser accessibility tests: chromium, nodejs, npm. Benchmark: hugo, cmark-gfm, time.
# Fuzzing (fuzz/run.sh): clang, libfuzzer-14-dev. History and diff: libgit2. Preview server:
# cpp-httplib. Diagrams: Graphviz. Publishing test (tests/publish): nginx, apache2-utils
# (htpasswd), openssl (a test certificate), curl. Workflow test (tests/workflow): rsync, python3-yaml.
packages=(cmake g++ make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libdtl-dev libgumbo-dev
  libtomlplusplus-dev libtinyxml2-dev doctest-dev nlohmann-json3-dev
  weasyprint poppler-utils qpdf chromium python3 time clang libfuzzer-14-dev
  libunistring-dev git libgit2-dev libcpp-httplib-dev libgraphviz-dev nginx-light apache2-utils openssl curl rsync
  python3-yaml)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere with its own npm: install Debian's only when they are missing.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
# The editions' pages, without the booklet's PDF: a first look in seconds. `handbook build`
# without --no-pdf also writes booklet.pdf (about a minute with WeasyPrint).
./build/handbook build --no-pdf --site . --profile public
./build/handbook build --no-pdf --site . --profile internal
echo "Open _site/public/index.html (citizens) or _site/internal/index.html (intranet) in a browser."
