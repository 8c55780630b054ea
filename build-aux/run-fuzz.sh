#!/usr/bin/env bash
# Build the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and run each for a bounded time (CI calls this).
# Each run starts from the committed corpus, tests/fuzz/corpus/TARGET/ (read
# only), and keeps what it finds in $build/fuzz-corpus/TARGET/.
# A crash leaves its input in $build/fuzz-artifacts/ and fails the script:
# turn it into a regression test under tests/data/checks/fuzz-regressions/.
#   run-fuzz.sh [--seconds N] [--build-dir DIR] [--target NAME] [--update-corpus]
# --update-corpus (after a long run, by hand): merges what the run found
# into tests/fuzz/corpus/TARGET/, keeping only inputs that add coverage.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/_build-fuzz
seconds=60
targets=(fuzz-check-csv fuzz-validation-report)
update_corpus=0

while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --target) targets=("$2"); shift 2 ;;
    --update-corpus) update_corpus=1; shift ;;
    *) echo "run-fuzz.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ ! -f "$build/build.ninja" ]; then
  # Coverage instrumentation everywhere, the fuzzer's main only in the targets.
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dui_tests=false --werror \
    -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$build" "${targets[@]/#/tests/fuzz/}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1:handle_sigtrap=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$top/build-aux/lsan.supp:print_suppressions=0
export G_DEBUG=fatal-criticals

mkdir -p "$build/fuzz-artifacts"
status=0
for target in "${targets[@]}"; do
  corpus=$build/fuzz-corpus/$target
  mkdir -p "$corpus"
  committed=$top/tests/fuzz/corpus/$target
  seeds=("$committed" "$top/tests/data/checks" "$top/tests/data/checks/fuzz-regressions")
  existing=()
  for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
  echo "== $target for ${seconds}s"
  # libFuzzer reports every new input; keep that in a log and show its end.
  log=$build/fuzz-artifacts/$target.log
  if "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
      "$corpus" "${existing[@]}" >"$log" 2>&1; then
    grep -E '^(Done|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb))' "$log" || tail -5 "$log"
    if [ $update_corpus = 1 ]; then
      mkdir -p "$committed"
      before=$(find "$committed" -type f | wc -l)
      "$build/tests/fuzz/$target" -merge=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        "$committed" "$corpus" >"$log.merge" 2>&1 || { tail -20 "$log.merge"; status=1; }
      echo "$target: corpus $before -> $(find "$committed" -type f | wc -l) files in $committed"
    fi
  else
    tail -60 "$log"
    echo "$target: FAILED (full log: $log)"
    status=1
  fi
done
exit $status
