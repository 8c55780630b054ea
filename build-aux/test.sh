#!/usr/bin/env bash
# Install what is missing, build, and run every test suite inside the
# headless test session. Ends with a plain "N passed, N failed" line.
#   test.sh [--build-dir DIR] [--sanitize] [--suite NAME]... [--no-ui] [--no-integration]
# After the fast suites it starts a real CKAN 2.11 (build-aux/ckan-stack) and
# runs the "integration" suite against it; if that stack can't be set up the
# run fails and says so.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/_build-tests
meson_args=()
test_args=()
ui=true
integration=true

while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build=$2; shift 2 ;;
    --sanitize) meson_args+=(-Db_sanitize=address,undefined -Db_lundef=false); shift ;;
    --suite) test_args+=(--suite "$2"); shift 2 ;;
    --no-ui) ui=false; shift ;;
    --no-integration) integration=false; shift ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

"$top/build-aux/install-deps.sh" --tests

# A failed build must not leave an earlier run's log to be counted.
stamp=$(mktemp "${TMPDIR:-/tmp}/publicador-tests-XXXXXX")
trap 'rm -f "$stamp"' EXIT
rm -f "$build/meson-logs/testlog.json" "$build/meson-logs/integration.json"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --werror -Dui_tests=$ui "${meson_args[@]}"
fi
meson compile -C "$build"

if [ ${#test_args[@]} -gt 0 ]; then
  integration=false
else
  test_args=(--no-suite integration)
fi

status=0
logs=("$build/meson-logs/testlog.json")
"$top/build-aux/test-session.sh" \
  meson test -C "$build" --print-errorlogs --num-processes 2 "${test_args[@]}" || status=$?

if $integration; then
  echo "== Integration suite against a real CKAN 2.11"
  logs+=("$build/meson-logs/integration.json")
  "$top/build-aux/ckan-stack/run-with-stack.sh" \
    meson test -C "$build" --print-errorlogs --no-rebuild --suite integration \
      --logbase integration || status=$?
fi

"$top/build-aux/summarize-tests.py" --since "$stamp" "${logs[@]}" || status=1
exit $status
