#!/usr/bin/env bash
# kill -9 against draft saves, many times (not part of CI: the unit test runs
# 120 kills). Runs tests/core/test-draft-crash with PUB_DRAFT_CRASH_ROUNDS
# kills of a writer saving one 256 KiB draft in a loop, the slow-write hook
# making each write last milliseconds, and prints how the kills landed and
# whether any draft was broken (the goal: none).
#   benchmarks/draft-crash.sh [KILLS]    (default 1000; builds into _build-bench-draft-crash)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
kills=${1:-1000}
build=$top/_build-bench-draft-crash

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dui_tests=false >/dev/null
fi
ninja -C "$build" tests/core/test-draft-crash tests/core/draft-writer tests/core/slow-write.so >/dev/null

echo "== $kills kills of a draft being saved ($(nproc) cores)"
start=$(date +%s)
status=0
PUB_DRAFT_CRASH_ROUNDS=$kills meson test -C "$build" --no-rebuild --timeout-multiplier 20 \
  draft-crash --test-args "-p /draft/crash/kill-during-save" >/dev/null || status=1
log=$build/meson-logs/testlog.txt
grep -E '^# store:' "$log" | sed 's/^# /   /'
grep -E 'left a broken draft|killed at' "$log" | sed 's/^/   /' || true
echo "   $(( $(date +%s) - start )) s; $([ $status = 0 ] && echo "no broken draft" || echo "FAILED (see $log)")"
exit $status
