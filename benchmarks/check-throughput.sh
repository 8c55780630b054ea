#!/usr/bin/env bash
# The local checks' throughput and peak memory on a 1 GB CSV, in one run:
# `wc -l` on the same file (the ceiling: reading it and finding line ends),
# publicador-check on one thread and on all threads, then frictionless 5.x
# side by side with us on a 100 MB slice, and whether both find the same
# errors on the fixture set. Goals on 2 cores: >= 800 MB/s on all threads,
# peak RSS <= 200 MB, >= 150x frictionless on the slice.
#   check-throughput.sh [--size BYTES] [--slice BYTES] [--runs N] [--no-frictionless]
# Builds into _build-bench-checks (nothing is installed).
# Files go to $PUB_BENCH_DIR (default /tmp/publicador-bench); frictionless
# is installed once into a venv under ${XDG_CACHE_HOME:-~/.cache}. Each
# figure is the best of --runs runs (default 3): the machine is shared.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
size=$((1000 * 1000 * 1000))
slice=$((100 * 1000 * 1000))
runs=3
frictionless=true
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --slice) slice=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-frictionless) frictionless=false; shift ;;
    *) echo "check-throughput.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

work=${PUB_BENCH_DIR:-/tmp/publicador-bench}
build=$top/_build-bench-checks
cache=${XDG_CACHE_HOME:-$HOME/.cache}/publicador-bench
mkdir -p "$work" "$cache"

# Our command, optimised as shipped.
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

# Runs a command `runs` times; prints the fastest "seconds peak_rss_kb
# cpu_seconds" (user + system time of that run). Its output (of the last
# run) is in $work/out.txt. On a loaded machine the CPU time says more than
# the wall clock: MB per CPU-second is what one idle core would do.
best () {
  local best_secs="" best_cpu="" best_rss=0 secs rss user sys
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >"$work/out.txt" 2>/dev/null || true
    read -r secs rss user sys < <(tail -n 1 "$work/time.txt")
    if [ -z "$best_secs" ] || python3 -c "import sys; sys.exit(not $secs < $best_secs)"; then
      best_secs=$secs
      best_cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
    fi
    [ "$rss" -gt "$best_rss" ] && best_rss=$rss
  done
  echo "$best_secs $best_rss $best_cpu"
}

mbps () { python3 -c "print(f'{$1 / 1e6 / max($2, 0.001):.0f}')"; }

cores=$(nproc)
echo "== $(numfmt --to=si --round=nearest "$bytes")B CSV, $cores cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)," \
     "best of $runs runs"
cat "$data" >/dev/null  # into the page cache
read -r secs rss cpu < <(best wc -l "$data")
echo "   wc -l (ceiling):        $secs s, $(mbps "$bytes" "$secs") MB/s; CPU $cpu s"
read -r secs1 rss1 cpu1 < <(best "$tool" --threads 1 "$data")
echo "   publicador, 1 thread:   $secs1 s, $(mbps "$bytes" "$secs1") MB/s, peak RSS $((rss1 / 1024)) MB;" \
     "CPU $cpu1 s, $(mbps "$bytes" "$cpu1") MB per CPU-second"
read -r secsn rssn cpun < <(best "$tool" --threads "$cores" "$data")
echo "   publicador, $cores threads:  $secsn s, $(mbps "$bytes" "$secsn") MB/s, peak RSS $((rssn / 1024)) MB;" \
     "CPU $cpun s (goals: >= 800 MB/s, <= 200 MB)"
grep -E "^  (CSV|Quality|[0-9,.]+ errors?:)" "$work/out.txt" | sed 's/^/   /'

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
import sys
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
echo "== Side by side on a $(numfmt --to=si --round=nearest "$cut_bytes")B slice," \
     "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r our_secs our_rss our_cpu < <(best "$tool" --threads "$cores" "$cut")
echo "   publicador:   $our_secs s, $(mbps "$cut_bytes" "$our_secs") MB/s, peak RSS $((our_rss / 1024)) MB; CPU $our_cpu s"
# frictionless takes minutes: one run.
(cd "$work" && runs=1 best "$fl" validate --json --limit-errors 100000000 --checks duplicate-row "$(basename "$cut")") \
  > "$work/fl-time.txt" || true
read -r fl_secs fl_rss fl_cpu < "$work/fl-time.txt"
echo "   frictionless: $fl_secs s, $(mbps "$cut_bytes" "$fl_secs") MB/s, peak RSS $((fl_rss / 1024)) MB; CPU $fl_cpu s"
echo "   ratio: publicador is $(python3 -c "print(f'{$fl_secs / max($our_secs, 0.001):.0f}')")x faster" \
     "by the clock, $(python3 -c "print(f'{$fl_cpu / max($our_cpu, 0.001):.0f}')")x by CPU time (goal: >= 150x)"

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
