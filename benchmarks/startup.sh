#!/usr/bin/env bash
# Time from launch to the first frame of the main window, and idle RSS,
# under a headless display. Prints min/median/max over several runs.
# Goals: first frame <= 400 ms, idle RSS <= 90 MB.
#   benchmarks/startup.sh [RUNS]    (default 10; builds into _build-bench-startup
#   and installs into its prefix/ folder, nowhere else)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
build=${PUB_BENCH_STARTUP_BUILD:-$top/_build-bench-startup}

if [ -z "${PUB_BENCH_INNER:-}" ]; then
  "$top/build-aux/install-deps.sh" --tests >/dev/null
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" --buildtype=release -Dui_tests=false --prefix="$build/prefix" >/dev/null
  fi
  # Whoever configured this folder, the install goes into it.
  meson configure "$build" --prefix="$build/prefix" >/dev/null
  meson compile -C "$build" >/dev/null
  meson install -C "$build" --quiet >/dev/null
  export PUB_BENCH_INNER=1 PUB_BENCH_STARTUP_BUILD=$build
  exec "$top/build-aux/test-session.sh" "$0" "$runs"
fi

prefix=$build/prefix
export XDG_DATA_DIRS="$prefix/share:/usr/share"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
export PUBLICADOR_BENCHMARK=1
unset G_DEBUG

stats () { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d, median %d, max %d", a[1], (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)), a[NR]}'; }

# GTK picks its renderer itself; under Xvfb the GL one runs on Mesa's
# llvmpipe, whose memory a real GPU driver does not need. Three cases are
# printed: GTK's default, the cairo renderer (Mesa still loaded for GL
# detection), and cairo with GL disabled (no Mesa at all).
measure () {
  local renderer=$1 gdk_debug=${2:-} times=() rss=() anon=()
  # One untimed run warms the page cache, as a second launch on a desktop would.
  for i in $(seq 0 "$runs"); do
    out=$(mktemp)
    start=$(date +%s%6N)
    GSK_RENDERER=$renderer GDK_DEBUG=$gdk_debug "$prefix/bin/publicador" >"$out" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 200); do
      grep -q first-frame "$out" && break
      sleep 0.05
    done
    frame=$(awk '/first-frame-realtime-us/ {print $2}' "$out")
    if [ -z "$frame" ]; then
      echo "run $i: no first frame within 10 s" >&2
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 2
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    anon_kb=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -f "$out"
    if [ "$i" -gt 0 ]; then
      times+=($(( (frame - start) / 1000 )))
      rss+=($(( kb / 1024 )))
      anon+=($(( anon_kb / 1024 )))
    fi
  done
  echo "renderer ${renderer:-default}${gdk_debug:+, GDK_DEBUG=$gdk_debug}, $runs runs"
  echo "  launch to first frame (ms): $(stats "${times[@]}")   goal <= 400"
  echo "  idle RSS (MB):              $(stats "${rss[@]}")   goal <= 90"
  echo "    of which anonymous (MB):  $(stats "${anon[@]}")"
}

measure ""
measure cairo
# Without GL at all Mesa is never loaded: what the app itself costs.
measure cairo gl-disable
