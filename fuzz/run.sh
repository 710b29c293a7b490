#!/usr/bin/env bash
# Runs each libFuzzer harness for SECONDS seconds, one after another (one core), from the seed
# corpus (fuzz/seed.py) and fuzz/regressions/, with its dictionary. Builds build-fuzz/ with clang
# first when needed. Exits non-zero when a harness finds a crash; the input is then in
# build-fuzz/fuzz/artifacts/<harness>/ and the log in build-fuzz/fuzz/logs/<harness>.log.
#
#   fuzz/run.sh 60                  # every harness, 60 s each (what CI runs)
#   fuzz/run.sh 600 page            # one harness
#   FUZZ_KEEP_GOING=1 fuzz/run.sh 600   # go on after a crash (libFuzzer's fork mode, one job)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: fuzz/run.sh SECONDS [frontmatter|page|template]...}"
shift
harnesses=("$@")
[[ ${#harnesses[@]} -gt 0 ]] || harnesses=(frontmatter page template)
build="${FUZZ_BUILD:-build-fuzz}"

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "Installing clang and libFuzzer (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq clang libfuzzer-14-dev >/dev/null
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -DHANDBOOK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -j"${FUZZ_BUILD_JOBS:-2}" --target "${harnesses[@]/#/fuzz_}"
python3 fuzz/seed.py "$build/fuzz/corpus" >/dev/null

# New allocations are not filled with a pattern (ASan finds no uninitialised reads anyway): the
# harnesses run about twice as fast. Leaks are not what these harnesses look for.
export ASAN_OPTIONS="${ASAN_OPTIONS:-max_malloc_fill_size=0:detect_leaks=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for h in "${harnesses[@]}"; do
  mkdir -p "$build/fuzz/artifacts/$h" "$build/fuzz/logs"
  args=(-max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10
        -rss_limit_mb=2048 -print_final_stats=1 -dict="fuzz/dict/$h.dict"
        -artifact_prefix="$build/fuzz/artifacts/$h/")
  if [[ -n "${FUZZ_KEEP_GOING:-}" ]]; then
    args+=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1)
  fi
  log="$build/fuzz/logs/$h.log"
  echo "== fuzz_$h for ${seconds}s (log: $log)"
  corpora=("$build/fuzz/corpus/$h")
  [[ -d "fuzz/regressions/$h" ]] && corpora+=("fuzz/regressions/$h")
  if "$build/fuzz/fuzz_$h" "${args[@]}" "${corpora[@]}" >"$log" 2>&1; then
    # The last status line: executions, coverage, corpus (fork mode: also crashes found).
    grep -E "^#[0-9]+:?[[:space:]]+(DONE|cov)|^stat::number_of_executed_units" "$log" | tail -2 || true
  else
    status=1
    echo "fuzz_$h found a problem:"
    grep -E -A3 "^\*\*\*|ERROR: |SUMMARY|Test unit written" "$log" | head -30 || true
  fi
  ls "$build/fuzz/artifacts/$h" | sed "s|^|  artifact: $build/fuzz/artifacts/$h/|"
done
exit $status
