#!/usr/bin/env bash
# es.po must translate every message that the sources mark, with nothing
# fuzzy: the people who use Publicador read Spanish.
set -euo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Regenerate the template from the sources, so a string added without a
# translation is caught even if nobody ran update-po.
xgettext --files-from=<(grep -v '^#' po/POTFILES.in | sed '/^$/d') \
  --directory=. --output="$tmp/publicador.pot" --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2

msgmerge --quiet --no-fuzzy-matching -o "$tmp/es.po" po/es.po "$tmp/publicador.pot"
stats=$(msgfmt --statistics -o /dev/null "$tmp/es.po" 2>&1)
echo "es.po against the sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    msgattrib --untranslated --no-obsolete "$tmp/es.po" | grep -E '^msgid|^msgctxt' | sed 1,1d | head -40
    msgattrib --only-fuzzy --no-obsolete "$tmp/es.po" | grep -E '^msgid' | head -20
    exit 1 ;;
esac
exit 0
