#!/usr/bin/env bash
# The Comments inbox at scale: the test portal with 500 datasets of the
# editor's organization, 300 of them with a thread, answering every call
# 50 ms late. Measures, in the real PubCommentsView under a headless
# display: the first thread painted, the whole inbox loaded, and the inbox
# painted again from its cache. Prints min/median/max over several runs.
# Goals: first thread <= 1 s, complete <= 10 s, reopen <= 200 ms.
# Under Xvfb GTK's default renderer is GL on Mesa's llvmpipe (the CPU
# draws every frame); GSK_RENDERER=cairo shows what a desktop with a GPU
# is closer to.
#   benchmarks/comments-inbox.sh [RUNS]   (default 3; builds into _build-bench-comments)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
build=${PUB_BENCH_BUILD:-$top/_build-bench-comments}
delay_ms=${DELAY_MS:-50}

if [ -z "${PUB_BENCH_INNER:-}" ]; then
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" --buildtype=release -Dui_tests=false >/dev/null
  fi
  ninja -C "$build" benchmarks/bench-comments-inbox tests/portal/publicador-test-portal >/dev/null
  export PUB_BENCH_INNER=1 PUB_BENCH_BUILD=$build
  exec "$top/build-aux/test-session.sh" "$0" "$runs"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/publicador-bench-comments-XXXXXX")
portal_pid=
cleanup () {
  if [ -n "$portal_pid" ]; then
    kill "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The fixture: the test portal's own, plus the datasets and comments.
python3 - "$top/tests/portal/fixture.json" "$work/fixture.json" <<'PY'
import json, sys
fixture = json.load(open(sys.argv[1]))
fixture["datasets"] = []
fixture["comments"] = []
for i in range(500):
    fixture["datasets"].append({
        "creator": "admin", "name": "conjunto-%03d" % i, "title": "Conjunto de datos %d" % i,
        "owner_org": "ministerio-de-prueba", "notes": "Datos de prueba.",
    })
for i in range(300):
    dataset = "conjunto-%03d" % (i * 5 // 3)
    day, hour = 1 + i % 28, i % 24
    first = len(fixture["comments"])
    # A citizen (the sysadmin plays one: no member of the organization) asks…
    fixture["comments"].append({"dataset": dataset, "author": "sysadmin",
                                "content": "¿Cuándo se actualiza el conjunto %d? Faltan meses." % i,
                                "created_at": "2026-11-%02dT%02d:00:00" % (day, hour)})
    # …and two threads in three get an answer, some a follow-up.
    if i % 3:
        fixture["comments"].append({"dataset": dataset, "author": "editor", "reply_to": first,
                                    "content": "Se actualiza cada mes; el próximo corte es el 15.",
                                    "created_at": "2026-11-%02dT%02d:30:00" % (day, hour)})
    if i % 5 == 0:
        fixture["comments"].append({"dataset": dataset, "author": "sysadmin", "reply_to": first,
                                    "content": "Gracias, ¿y los datos de 2019?",
                                    "created_at": "2026-11-%02dT%02d:45:00" % (day, hour)})
json.dump(fixture, open(sys.argv[2], "w"))
PY

"$build/tests/portal/publicador-test-portal" --port 0 --fixture "$work/fixture.json" \
  --fault "*:delay:$delay_ms:4000000000" >"$work/portal.out" 2>&1 &
portal_pid=$!
for _ in $(seq 1 100); do
  grep -q "Test portal at" "$work/portal.out" && break
  sleep 0.1
done
url=$(awk '/Test portal at/ {print $4}' "$work/portal.out")
token=$(awk '$1 == "editor" {print $2}' "$work/portal.out")
if [ -z "$url" ] || [ -z "$token" ]; then
  echo "The test portal did not start:" >&2
  cat "$work/portal.out" >&2
  exit 1
fi

stats () { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d, median %d, max %d", a[1], (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)), a[NR]}'; }

first=() complete=() reopen=() reopen_cache=() cache_best=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/cache"
  out=$(PUB_BENCH_TOKEN=$token "$build/benchmarks/bench-comments-inbox" "$url" editor "$work/cache" 2>"$work/bench.err") || {
    cat "$work/bench.err" >&2
    exit 1
  }
  first+=($(awk '/^first-thread-ms/ {print $2}' <<<"$out"))
  complete+=($(awk '/^complete-ms/ {print $2}' <<<"$out"))
  reopen+=($(awk '/^reopen-ms/ {print $2}' <<<"$out"))
  reopen_cache+=($(awk '/^reopen-cache-ms/ {print $2}' <<<"$out"))
  cache_best+=($(awk '/^cache-read-best-ms/ {print $2}' <<<"$out"))
  cache_kb=$(( $(stat -c %s "$work"/cache/*.json) / 1024 ))
  threads=$(awk '/^threads/ {print $2}' <<<"$out")
  unanswered=$(awk '/^unanswered/ {print $2}' <<<"$out")
done
echo "comments inbox: 500 datasets, $threads threads ($unanswered unanswered), ${delay_ms} ms per answer, $runs runs, renderer ${GSK_RENDERER:-default}"
echo "  first thread shown (ms):  $(stats "${first[@]}")   goal <= 1000"
echo "  inbox complete (ms):      $(stats "${complete[@]}")   goal <= 10000"
echo "  reopen from cache (ms):   $(stats "${reopen[@]}")   goal <= 200"
echo "    of which reading it:    $(stats "${reopen_cache[@]}")"
echo "  reading the cache alone, best of 10 (ms): ${cache_best[*]}   (cache file ${cache_kb} KB)"
echo "  load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
