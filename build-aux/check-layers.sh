#!/usr/bin/env bash
# The layering rules that the include paths alone don't enforce (HACKING.md):
# no GTK below the UI, checks never use core, each library logs under its
# own domain (set in its meson.build, never by a file), and the layers
# below the UI hang no string-keyed data on objects.
set -uo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top"
status=0

fail () {
  echo "$1"
  status=1
}

for layer in ckan checks core; do
  hits=$(grep -rlE '#include <(gtk|gdk|adwaita)' "src/$layer" || true)
  [ -z "$hits" ] || fail "src/$layer includes GTK or libadwaita: $hits"
  hits=$(grep -rlE 'g_object_(set|get|steal)_data' "src/$layer" || true)
  [ -z "$hits" ] || fail "src/$layer hangs string-keyed data on objects: $hits"
done

for f in src/checks/*.[ch]; do
  for inc in $(grep -oE '#include "pub-[a-z0-9-]+\.h"' "$f" | grep -oE 'pub-[a-z0-9-]+\.h'); do
    [ -f "src/checks/$inc" ] || fail "$f includes $inc, which is not in src/checks"
  done
done

for layer in ckan checks core ui; do
  grep -q "G_LOG_DOMAIN=\"publicador-$layer\"" "src/$layer/meson.build" ||
    fail "src/$layer/meson.build does not set G_LOG_DOMAIN to publicador-$layer"
done
hits=$(grep -rlE '#define[[:space:]]+G_LOG_DOMAIN' src || true)
[ -z "$hits" ] || fail "G_LOG_DOMAIN is defined in a file (the library sets it): $hits"

[ $status -eq 0 ] && echo "layers: no GTK below src/ui, checks without core, one log domain per library, no object data below the UI"
exit $status
