#!/usr/bin/env bash
# Install the Debian 12 packages Publicador needs, and only those missing.
#   install-deps.sh          what building and running need
#   install-deps.sh --tests  also what the test suites need
# Needs root, or sudo, only when something is missing.
set -euo pipefail

build_pkgs=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev nettle-dev
  desktop-file-utils appstream
)
test_pkgs=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  python3 curl clang libclang-rt-14-dev locales
  at-spi2-core python3-pyatspi
)

want=("${build_pkgs[@]}")
if [ "${1:-}" = "--tests" ]; then
  want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# The UI tests check the Spanish translation through a real Spanish locale.
need_locale=false
if [ "${1:-}" = "--tests" ] && ! locale -a 2>/dev/null | grep -qi '^es_CL\.utf-\?8$'; then
  need_locale=true
fi

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-deps: this needs root: $*" >&2
    exit 1
  fi
}

if [ ${#missing[@]} -eq 0 ] && ! $need_locale; then
  echo "install-deps: all ${#want[@]} packages are present"
  exit 0
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if $need_locale; then
  echo "install-deps: generating the es_CL.UTF-8 locale"
  as_root localedef -i es_CL -f UTF-8 es_CL.UTF-8
fi
