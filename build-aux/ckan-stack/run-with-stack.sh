#!/bin/bash
# Install (if needed) and start a throwaway CKAN 2.11 stack, run CMD with the
# PUB_CKAN_* variables in its environment, always stop the stack, and return
# CMD's exit code.
#   usage: run-with-stack.sh CMD [ARGS...]
# PUB_CKAN_STATE: state dir to use (default: a new mktemp dir, removed afterwards
#                 unless PUB_CKAN_KEEP_STATE=1).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

fail() {
    echo "" >&2
    echo "*** CKAN test stack could not be set up: $* ***" >&2
    echo "*** The integration tests did NOT run. ***" >&2
}

if [ -n "${PUB_CKAN_STATE:-}" ]; then
    STATE="$PUB_CKAN_STATE"; OWN_STATE=0
else
    STATE="$(mktemp -d /tmp/publicador-ckan-stack.XXXXXX)"; OWN_STATE=1
fi

cleanup() {
    "$HERE/stop.sh" "$STATE" >/dev/null 2>&1 || echo "warning: stop.sh failed for $STATE" >&2
    if [ "$OWN_STATE" = 1 ] && [ "${PUB_CKAN_KEEP_STATE:-0}" != 1 ]; then
        "$HERE/stop.sh" "$STATE" --clean >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

T0=$(date +%s)
if ! "$HERE/install.sh"; then
    fail "install.sh failed (see above)"; exit 1
fi
T1=$(date +%s)
if ! "$HERE/start.sh" "$STATE"; then
    for l in ckan-setup ckan worker solr; do
        [ -f "$STATE/logs/$l.log" ] && { echo "--- tail of $STATE/logs/$l.log" >&2; tail -20 "$STATE/logs/$l.log" >&2; }
    done
    fail "start.sh failed (see above)"; exit 1
fi
T2=$(date +%s)
# shellcheck disable=SC1091
. "$STATE/env" || { fail "no env file in $STATE"; exit 1; }
curl -sf "$PUB_CKAN_URL/api/3/action/status_show" >/dev/null || { fail "CKAN at $PUB_CKAN_URL does not answer"; exit 1; }
echo "[ckan-stack] install $((T1-T0))s, start $((T2-T1))s; running: $*"

"$@"
rc=$?
echo "[ckan-stack] command exited with $rc"
exit $rc
