#!/usr/bin/env bash
# Install what is missing, build, install into a private prefix inside the
# build folder (so translations, icons and the settings schema are found),
# and start Publicador.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${PUB_BUILD_DIR:-$top/_build}
prefix=$build/prefix

"$top/build-aux/install-deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --prefix="$prefix" -Ddevelopment=true -Dui_tests=false
fi
meson compile -C "$build"
meson install -C "$build" --quiet

export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
exec "$prefix/bin/publicador" "$@"
