#!/usr/bin/env bash
# The local checks' throughput and peak memory on a 1 GB CSV, side by side
# with frictionless 5.x on a 100 MB slice, and whether both find the same
# errors on the fixture set. Goals: >= 150 MB/s, peak RSS <= 200 MB.
#   check-throughput.sh [--size BYTES] [--slice BYTES] [--no-frictionless]
# Builds into _build-bench-checks (nothing is installed).
# Files go to $PUB_BENCH_DIR (default /tmp/publicador-bench); frictionless
# is installed once into a venv under ${XDG_CACHE_HOME:-~/.cache}.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
size=$((1000 * 1000 * 1000))
slice=$((100 * 1000 * 1000))
frictionless=true
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --slice) slice=$2; shift 2 ;;
    --no-frictionless) frictionless=false; shift ;;
    *) echo "check-throughput.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

work=${PUB_BENCH_DIR:-/tmp/publicador-bench}
build=$top/_build-bench-checks
cache=${XDG_CACHE_HOME:-$HOME/.cache}/publicador-bench
mkdir -p "$work" "$cache"

# Our tool, optimised as shipped.
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dui_tests=false >/dev/null
fi
ninja -C "$build" src/tools/publicador-check >/dev/null
tool=$build/src/tools/publicador-check

data=$work/bench-$size.csv
if [ ! -f "$data" ]; then
  echo "Generating $data ..."
  python3 "$top/benchmarks/gen-check-csv.py" "$data" "$size"
fi
bytes=$(stat -c %s "$data")

# Runs the tool, prints "seconds peak_rss_kb".
measure () {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" || true
  tail -n 1 "$work/time.txt"
}

mbps () { python3 -c "print(f'{$1 / 1e6 / max($2, 0.001):.0f}')"; }

echo "== Publicador checks on $(numfmt --to=si --round=nearest "$bytes")B ($(nproc) cores)"
"$tool" "$data" >/dev/null || true  # warm the page cache
read -r secs rss < <(measure "$tool" "$data")
echo "   $secs s, $(mbps "$bytes" "$secs") MB/s, peak RSS $((rss / 1024)) MB" \
     "(goals: >= 150 MB/s, <= 200 MB)"
grep -E "rows|errors:|Quality" "$work/out.txt" | sed 's/^/   /'

[ "$frictionless" = true ] || exit 0

venv=$cache/venv
if [ ! -x "$venv/bin/frictionless" ]; then
  echo "Installing frictionless 5.x into $venv ..."
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "frictionless>=5,<6"
fi
fl=$venv/bin/frictionless
echo "   (frictionless $("$fl" --version))"

# A slice that ends on a line end.
cut=$work/slice-$slice.csv
if [ ! -f "$cut" ]; then
  head -c "$slice" "$data" > "$cut.part"
  python3 - "$cut.part" <<'PY'
import os, sys
p = sys.argv[1]
with open(p, "rb+") as f:
    f.seek(0, 2)
    end = f.tell()
    f.seek(max(0, end - 65536))
    tail = f.read()
    f.truncate(end - (len(tail) - tail.rfind(b"\n") - 1))
PY
  mv "$cut.part" "$cut"
fi
cut_bytes=$(stat -c %s "$cut")
echo "== Side by side on a $(numfmt --to=si --round=nearest "$cut_bytes")B slice"
read -r our_secs our_rss < <(measure "$tool" "$cut")
echo "   publicador:   $our_secs s, $(mbps "$cut_bytes" "$our_secs") MB/s, peak RSS $((our_rss / 1024)) MB"
(cd "$work" && measure "$fl" validate --json --limit-errors 100000000 --checks duplicate-row "$(basename "$cut")") \
  > "$work/fl-time.txt" || true
read -r fl_secs fl_rss < "$work/fl-time.txt"
echo "   frictionless: $fl_secs s, $(mbps "$cut_bytes" "$fl_secs") MB/s, peak RSS $((fl_rss / 1024)) MB"
echo "   ratio: publicador is $(python3 -c "print(f'{$fl_secs / max($our_secs, 0.001):.0f}')")x faster"

echo "== Same errors on the fixture set (types both know)"
status=0
fixtures=$top/tests/data/checks
for f in "$fixtures"/*.csv "$fixtures"/*.tsv; do
  name=$(basename "$f")
  case $name in empty.csv|truncated.csv|missing-header.csv) continue ;; esac
  "$tool" --json "$f" > "$work/ours.json" || true
  (cd "$fixtures" && "$fl" validate --json --checks duplicate-row "$name" > "$work/theirs.json" 2>/dev/null) || true
  python3 "$top/benchmarks/compare-reports.py" "$work/ours.json" "$work/theirs.json" "$name" || status=1
done
exit $status
