#!/usr/bin/env bash
# The Organization section over a big organization, under a headless
# display: time from opening it to the first rows drawn, frames over 50 ms
# and the longest one while scrolling to the end, peak RSS against the idle
# app, and how many package_search calls it made.
# Goals: first rows <= 500 ms, no frame over 100 ms, RSS growth <= 60 MB.
# On a shared, busy machine wall-clock frame times measure the machine:
# the main thread's own CPU time per frame is printed beside them.
#   benchmarks/org-list.sh                 the test portal seeded with 10,000 datasets
#   benchmarks/org-list.sh --real STATE    the real CKAN of build-aux/ckan-stack
#                                          (started with start.sh STATE), seeded
#                                          with 2,000 datasets the first time
# Builds into _build-bench-org-list (release); installs nothing.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${PUB_BENCH_BUILD:-$top/_build-bench-org-list}
real_state=
if [ "${1:-}" = "--real" ]; then
  real_state=${2:?usage: org-list.sh --real STATE_DIR}
fi

if [ -z "${PUB_BENCH_INNER:-}" ]; then
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" --buildtype=release -Dui_tests=false >/dev/null
  fi
  meson compile -C "$build" bench-org-list publicador-test-portal gschemas.compiled >/dev/null
  export PUB_BENCH_INNER=1 PUB_BENCH_BUILD=$build
  exec "$top/build-aux/test-session.sh" "$0" "$@"
fi

export GSETTINGS_SCHEMA_DIR="$build/data"
unset G_DEBUG G_MESSAGES_DEBUG
portal_pid=
cleanup () { [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true; }
trap cleanup EXIT

if [ -z "$real_state" ]; then
  out=$(mktemp)
  stdbuf -oL "$build/tests/portal/publicador-test-portal" --port 0 --seed-datasets 10000 >"$out" 2>&1 &
  portal_pid=$!
  for _ in $(seq 1 1200); do
    grep -q "Press Ctrl+C" "$out" && break
    sleep 0.1
  done
  export PUB_BENCH_URL=$(awk '/^Test portal at/ {print $4}' "$out")
  export PUB_BENCH_TOKEN=$(awk '$1 == "admin" {print $2}' "$out")
  export PUB_BENCH_ORG=ministerio-de-prueba
  [ -n "$PUB_BENCH_URL" ] || { echo "the test portal did not start:" >&2; cat "$out" >&2; exit 1; }
  rm -f "$out"
  echo "test portal: 10,000 datasets seeded in $PUB_BENCH_ORG"
else
  # shellcheck disable=SC1091
  . "$real_state/env"
  export PUB_BENCH_URL=$PUB_CKAN_URL PUB_BENCH_TOKEN=$PUB_CKAN_TOKEN_ADMIN PUB_BENCH_ORG=$PUB_CKAN_ORG
  python3 "$top/benchmarks/seed-real-ckan.py" 2000
  echo "real CKAN at $PUB_BENCH_URL: organization $PUB_BENCH_ORG"
fi

# Where the list cache lives: empty for a cold start (the first rows come
# from the portal), then kept for a warm one (they come from the cache,
# while the portal is asked again).
export XDG_CACHE_HOME=$(mktemp -d)
# GTK's GL renderer runs on Mesa's llvmpipe under Xvfb, which a real GPU
# does not need; the cairo renderer is the fairer figure here.
for run in "cairo cold" "cairo warm" "gl cold"; do
  set -- $run
  [ "$2" = cold ] && rm -rf "${XDG_CACHE_HOME:?}"/*
  echo "renderer $1, $2 start:"
  if [ "$1" = cairo ]; then
    GSK_RENDERER=cairo "$build/benchmarks/bench-org-list" | sed 's/^/  /'
  else
    "$build/benchmarks/bench-org-list" | sed 's/^/  /'
  fi
done
rm -rf "$XDG_CACHE_HOME"
