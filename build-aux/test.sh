#!/usr/bin/env bash
# Install what is missing, build, and run every test suite inside the
# headless test session. Ends with a plain "N passed, N failed" line.
#   test.sh [--build-dir DIR] [--sanitize] [--suite NAME]... [--no-ui]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/_build-tests
meson_args=()
test_args=()
ui=true

while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build=$2; shift 2 ;;
    --sanitize) meson_args+=(-Db_sanitize=address,undefined -Db_lundef=false); shift ;;
    --suite) test_args+=(--suite "$2"); shift 2 ;;
    --no-ui) ui=false; shift ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

"$top/build-aux/install-deps.sh" --tests

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --werror -Dui_tests=$ui "${meson_args[@]}"
fi
meson compile -C "$build"

status=0
"$top/build-aux/test-session.sh" \
  meson test -C "$build" --print-errorlogs --num-processes 2 "${test_args[@]}" || status=$?

"$top/build-aux/summarize-tests.py" "$build/meson-logs/testlog.json" || status=1
exit $status
