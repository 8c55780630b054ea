#!/usr/bin/env bash
# Every source that marks a string for translation must be in po/POTFILES.in,
# and every file listed there must exist; otherwise strings silently go
# untranslated.
set -euo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u)
status=0

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

marked=$( { grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(' src --include='*.c' || true;
            grep -rl 'translatable="yes"' src data --include='*.ui' --include='*.xml' --include='*.in' || true;
            grep -rl '<summary>\|<description>' data --include='*.gschema.xml' || true;
            ls data/*.desktop.in* data/*.metainfo.xml.in* 2>/dev/null || true; } | sort -u)

for f in $marked; do
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(wc -l <<<"$marked") files with translatable strings"
exit $status
