#!/bin/bash
# Stop everything start.sh started for STATE_DIR (by pid files).
#   usage: stop.sh STATE_DIR [--clean]   (--clean also deletes STATE_DIR)
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: $0 STATE_DIR [--clean]" >&2; exit 2; }
[ -d "$1" ] || { echo "[ckan-stack stop] nothing to stop: $1 does not exist"; exit 0; }
STATE="$(cd "$1" && pwd)"
PG_BIN=/usr/lib/postgresql/15/bin
PG_USER="${PUB_CKAN_PG_OS_USER:-postgres}"
T0=$(date +%s.%N)
log() { printf "[ckan-stack stop %5.1fs] %s\n" "$(echo "$(date +%s.%N) - $T0" | bc)" "$*"; }

# alive PID: running and not a zombie waiting to be reaped
alive() {
    kill -0 "$1" 2>/dev/null || return 1
    case "$(ps -o stat= -p "$1" 2>/dev/null)" in Z*|"") return 1;; esac
    return 0
}

# stop_pid NAME: TERM the process group started with setsid, then KILL after 10s
stop_pid() {
    local f="$STATE/pids/$1.pid" pid
    [ -f "$f" ] || return 0
    pid="$(cat "$f")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
        for i in $(seq 100); do alive "$pid" || break; sleep 0.1; done
        if alive "$pid"; then
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
            log "$1 (pid $pid) killed"
        else
            log "$1 (pid $pid) stopped"
        fi
    fi
    rm -f "$f"
}

stop_pid worker
stop_pid ckan
stop_pid solr

if [ -f "$STATE/pids/redis.pid" ]; then
    pid="$(cat "$STATE/pids/redis.pid")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for i in $(seq 50); do alive "$pid" || break; sleep 0.1; done
        alive "$pid" && kill -KILL "$pid"
        log "redis (pid $pid) stopped"
    fi
    rm -f "$STATE/pids/redis.pid"
fi

if [ -f "$STATE/pg.path" ]; then
    PG_ROOT="$(cat "$STATE/pg.path")"
    if [ -f "$PG_ROOT/data/postmaster.pid" ]; then
        if runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            log "postgres stopped"
        else
            pid="$(head -1 "$PG_ROOT/data/postmaster.pid")"
            kill -QUIT "$pid" 2>/dev/null && log "postgres (pid $pid) sent SIGQUIT"
        fi
    fi
    rm -f "$STATE/pids/postgres.pid"
    case "$PG_ROOT" in
        /tmp/publicador-ckan-pg.*) [ "${2:-}" = --clean ] && rm -rf "$PG_ROOT";;
    esac
fi

if [ "${2:-}" = --clean ]; then
    rm -rf "$STATE"
    log "removed $STATE"
fi
exit 0
