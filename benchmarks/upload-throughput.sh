#!/usr/bin/env bash
# Upload throughput and memory of the streamed multipart upload
# (CkanClient, through benchmarks/bench-upload-client.c), side by side with
# `curl -F upload=@file` to the same local receiver
# (benchmarks/bench-upload-server.c, which counts and discards the bytes).
#
# Two scenarios: loopback at full speed, and a receiver that reads no faster
# than LINK_MB MiB/s (default 100, about a 1 Gbit/s link), which is what a
# real portal looks like from a desktop.
# Goals: client peak RSS growth <= 16 MB; throughput >= 90% of curl's.
#
#   benchmarks/upload-throughput.sh [SIZE_MB] [RUNS]   (default 1024 MB, 3 runs)
#   Builds into _build-bench-upload (release); LINK_MB=0 skips the second
#   scenario.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
size_mb=${1:-1024}
runs=${2:-3}
link_mb=${LINK_MB:-100}
build=${PUB_BENCH_BUILD:-$top/_build-bench-upload}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dui_tests=false >/dev/null
fi
ninja -C "$build" benchmarks/bench-upload-server benchmarks/bench-upload-client >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/publicador-bench-XXXXXX")
server_pid=
stop_server () {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
cleanup () {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

file=$work/upload.bin
head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$file"
# Both clients start from the page cache.
cat "$file" > /dev/null

median () { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

scenario () {
  local label=$1 rate=$2 port base url line out speed
  local pub_mbps=() pub_rss=() curl_mbps=() curl_rss=()

  "$build/benchmarks/bench-upload-server" 0 "$rate" > "$work/server.out" &
  server_pid=$!
  for _ in $(seq 50); do
    grep -q '^PORT ' "$work/server.out" 2>/dev/null && break
    sleep 0.1
  done
  port=$(awk '/^PORT /{print $2}' "$work/server.out")
  base="http://127.0.0.1:$port/data"
  url="$base/api/3/action/resource_create"

  echo "== $label"
  for run in $(seq "$runs"); do
    line=$("$build/benchmarks/bench-upload-client" "$base" "$file")
    pub_mbps+=("$(sed -n 's/.*mb_per_s=\([0-9.]*\).*/\1/p' <<<"$line")")
    pub_rss+=("$(sed -n 's/.*rss_growth_kb=\([0-9]*\).*/\1/p' <<<"$line")")

    # The same fields and token headers as the client; no 100-continue wait.
    out=$(/usr/bin/time -f 'maxrss_kb=%M' curl -sS -o /dev/null -H 'Expect:' \
            -H 'Authorization: benchmark-token' -H 'X-CKAN-API-Key: benchmark-token' \
            -F package_id=bench -F name=bench -F "upload=@$file" \
            -w 'speed=%{speed_upload}\n' "$url" 2>&1)
    speed=$(sed -n 's/^speed=\([0-9.]*\).*/\1/p' <<<"$out")
    curl_mbps+=("$(awk -v s="$speed" 'BEGIN {printf "%.1f", s / 1048576}')")
    curl_rss+=("$(sed -n 's/^maxrss_kb=\([0-9]*\).*/\1/p' <<<"$out")")
    echo "run $run: publicador ${pub_mbps[-1]} MiB/s (peak RSS growth ${pub_rss[-1]} kB), curl ${curl_mbps[-1]} MiB/s (max RSS ${curl_rss[-1]} kB)"
  done
  stop_server

  local pm cm pr cr ratio
  pm=$(median "${pub_mbps[@]}")
  cm=$(median "${curl_mbps[@]}")
  pr=$(median "${pub_rss[@]}")
  cr=$(median "${curl_rss[@]}")
  ratio=$(awk -v p="$pm" -v c="$cm" 'BEGIN {printf "%.0f", 100 * p / c}')
  printf '%-12s %10s   %s\n' "median" "MiB/s" "memory"
  printf '%-12s %10s   %s\n' "publicador" "$pm" "peak RSS growth $((pr / 1024)) MB ($pr kB)"
  printf '%-12s %10s   %s\n' "curl -F" "$cm" "max RSS $((cr / 1024)) MB (whole process)"
  echo "publicador/curl: ${ratio}%"
  echo
}

echo "file: ${size_mb} MiB, ${runs} runs per client"
scenario "loopback, receiver at full speed" 0
if [ "$link_mb" != 0 ]; then
  scenario "receiver limited to ${link_mb} MiB/s" "$link_mb"
fi
echo "goals: publicador/curl >= 90%, peak RSS growth <= 16 MB"
