#!/usr/bin/env bash
# Formats C sources in the house style (build-aux/uncrustify.cfg).
#   format.sh [--check] [FILE.c...]
# Without files: the .c files under src/ and tests/ changed since main
# (committed on this branch or not). --check prints the changes it would
# make and exits 1 if there are any, touching nothing. Headers are left
# alone: their prototype tables are aligned by hand.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
cfg=build-aux/uncrustify.cfg
check=false

if [ "${1:-}" = "--check" ]; then
  check=true
  shift
fi
if ! command -v uncrustify >/dev/null 2>&1; then
  echo "format.sh: needs uncrustify (apt-get install uncrustify)" >&2
  exit 2
fi

if [ $# -gt 0 ]; then
  files=("$@")
else
  base=$(git merge-base HEAD main)
  mapfile -t files < <( { git diff --name-only --diff-filter=AMR "$base" -- 'src/*.c' 'tests/*.c';
                          git ls-files --others --exclude-standard -- 'src/*.c' 'tests/*.c'; } | sort -u)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "format.sh: no changed .c files"
  exit 0
fi

status=0
for f in "${files[@]}"; do
  case "$f" in
    *.c) ;;
    *) echo "format.sh: skipping $f (only .c files)"; continue ;;
  esac
  if $check; then
    if ! uncrustify -q -c "$cfg" -f "$f" | diff -u --label "$f" --label "$f (formatted)" "$f" -; then
      status=1
    fi
  else
    uncrustify -q -c "$cfg" --no-backup --replace "$f"
  fi
done
exit $status
