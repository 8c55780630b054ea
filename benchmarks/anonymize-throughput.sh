#!/usr/bin/env bash
# publicador-anonymize on the check benchmark's 1 GB CSV with two columns
# pseudonymised (the id, unique on every row, and a text column): throughput
# and peak memory, twice; then once with a column that doesn't repeat in
# place of the text one. Goals: >= 200 MB/s, peak RSS <= 200 MB.
#   anonymize-throughput.sh [--size BYTES]
# Files go to $PUB_BENCH_DIR (default /tmp/publicador-bench); the build is
# its own, in _build-bench-anonymize, and installs nothing.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
size=$((1000 * 1000 * 1000))
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    *) echo "anonymize-throughput.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

work=${PUB_BENCH_DIR:-/tmp/publicador-bench}
build=$top/_build-bench-anonymize
mkdir -p "$work"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dui_tests=false >/dev/null
fi
ninja -C "$build" src/tools/publicador-anonymize >/dev/null
tool=$build/src/tools/publicador-anonymize

data=$work/bench-$size.csv
if [ ! -f "$data" ]; then
  echo "Generating $data ..."
  python3 "$top/benchmarks/gen-check-csv.py" "$data" "$size"
fi
bytes=$(stat -c %s "$data")

# A throwaway key file, as the app exports it.
key=$work/bench.key
printf '[Publicador Pseudonym Key]\nOrganization=bench\nKey=%s\n' \
  "$(head -c 32 /dev/urandom | base64)" > "$key"
out=$work/bench-anonimizado.csv

# The programme repeats down its column, and repeated cells are remembered;
# the id and the amount hardly repeat within a batch, the worst case.
run () {
  rm -f "$out"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "$tool" -c id=pseudonym -c "$1=pseudonym" --key-file "$key" -o "$out" "$data" >/dev/null
  tail -n 1 "$work/time.txt"
}

echo "== publicador-anonymize on $(numfmt --to=si --round=nearest "$bytes")B, 2 columns pseudonymised ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$data" > /dev/null  # warm the page cache
for column in programa programa monto; do
  read -r secs rss < <(run "$column")
  echo "   id and $column: $secs s, $(python3 -c "print(f'{$bytes / 1e6 / max($secs, 0.001):.0f}')") MB/s," \
       "peak RSS $((rss / 1024)) MB (goals: >= 200 MB/s, <= 200 MB)"
done
echo "   copy: $(numfmt --to=si --round=nearest "$(stat -c %s "$out")")B, $(wc -l < "$out") lines"
rm -f "$out" "$key"
