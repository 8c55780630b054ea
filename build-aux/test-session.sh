#!/usr/bin/env bash
# Run a command inside a private desktop session for the tests:
# a headless X display, its own D-Bus session bus, a real gnome-keyring with
# an unlocked plain "login" keyring, and XDG folders of its own, so tests
# never touch the user's files, settings or secrets.
#   test-session.sh CMD [ARGS...]
set -euo pipefail

if [ -z "${PUB_TEST_SESSION_INNER:-}" ]; then
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/publicador-test.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  export PUB_TEST_SESSION_INNER=1 PUB_TEST_SCRATCH="$scratch"
  export HOME="$scratch/home"
  export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
  export XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state"
  export XDG_RUNTIME_DIR="$scratch/runtime"
  mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
  mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  # Keep the real machine's caches (pip, maven) reachable for the test stack.
  export PUB_REAL_HOME="${PUB_REAL_HOME:-${SUDO_HOME:-$(getent passwd "$(id -un)" | cut -d: -f6)}}"
  status=0
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

# Inside the D-Bus session and the display: the keyring.
keyrings="$XDG_DATA_HOME/keyrings"
mkdir -p "$keyrings"
cat > "$keyrings/login.keyring" <<KEYRING
[keyring]
display-name=login
ctime=0
mtime=0
lock-on-idle=false
lock-after=false
KEYRING
echo -n login > "$keyrings/default"
eval "$(gnome-keyring-daemon --daemonize --components=secrets)"
export GNOME_KEYRING_CONTROL
# The daemon is gone with the session bus; make sure of it on the way out.
stop_keyring () {
  for env in /proc/[0-9]*/environ; do
    if grep -qzx "PUB_TEST_SCRATCH=$PUB_TEST_SCRATCH" "$env" 2>/dev/null; then
      pid=${env#/proc/}; pid=${pid%/environ}
      [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = gnome-keyring-d ] && kill "$pid" 2>/dev/null
    fi
  done
  return 0
}
trap stop_keyring EXIT

export GSETTINGS_BACKEND=memory
export G_DEBUG=gc-friendly,fatal-warnings
export NO_AT_BRIDGE=1

"$@"
