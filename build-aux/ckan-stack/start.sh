#!/bin/bash
# Start a throwaway CKAN 2.11 portal (PostgreSQL, Redis, Solr, CKAN, jobs worker)
# on free loopback ports, initialise it, create users/org/tokens and write
# STATE_DIR/env (chmod 600) for the tests to source.
#   usage: start.sh STATE_DIR
# PUB_CKAN_LOCALE: ckan.locale_default (default "es" like datos.gob.cl; API
#                  error messages are translated to it).
# Everything is wiped and recreated in STATE_DIR on each start.
# Stop with stop.sh STATE_DIR.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/versions.sh"

[ $# -eq 1 ] || { echo "usage: $0 STATE_DIR" >&2; exit 2; }
mkdir -p "$1"
STATE="$(cd "$1" && pwd)"
CACHE="${PUB_CKAN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/publicador-ckan-stack}"
VENV="$CACHE/venv"
SOLR_DIR="$CACHE/solr-$SOLR_VERSION"
CKAN="$VENV/bin/ckan"
VPY="$VENV/bin/python"
PG_BIN=/usr/lib/postgresql/15/bin
PG_USER="${PUB_CKAN_PG_OS_USER:-postgres}"

T0=$(date +%s.%N)
log() { printf '[ckan-stack start %6.1fs] %s\n' "$(echo "$(date +%s.%N) - $T0" | bc)" "$*"; }
die() { echo "[ckan-stack start] ERROR: $*" >&2; exit 1; }

[ -x "$CKAN" ] || die "CKAN venv missing in $VENV: run install.sh first"
[ -f "$SOLR_DIR/classes/PubSolrRunner.class" ] || die "Solr jars missing in $SOLR_DIR: run install.sh first"
command -v redis-server >/dev/null || die "redis-server missing: run install.sh first"
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 missing: run install.sh first"
id "$PG_USER" >/dev/null 2>&1 || die "OS user '$PG_USER' (to run PostgreSQL) does not exist"

# refuse to clobber a running stack
if [ -d "$STATE/pids" ]; then
    for f in "$STATE"/pids/*.pid; do
        [ -f "$f" ] || continue
        if kill -0 "$(cat "$f")" 2>/dev/null; then
            die "stack in $STATE still running ($(basename "$f")); run stop.sh $STATE first"
        fi
    done
fi
if [ -f "$STATE/pg.path" ] && [ -f "$(cat "$STATE/pg.path")/data/postmaster.pid" ]; then
    "$HERE/stop.sh" "$STATE" >/dev/null 2>&1 || true
fi
if [ -f "$STATE/pg.path" ]; then
    old="$(cat "$STATE/pg.path")"
    case "$old" in /tmp/publicador-ckan-pg.*) rm -rf "$old";; esac
fi
# from here on, a failure stops whatever was already started (logs are kept)
on_exit() { rc=$?; if [ $rc -ne 0 ]; then "$HERE/stop.sh" "$STATE" >/dev/null 2>&1; echo "[ckan-stack start] failed; logs in $STATE/logs" >&2; fi; }
trap on_exit EXIT
rm -rf "$STATE"/{pg,redis,solr,ckan,storage,logs,pids,env,pg.path,observed-tmp}
mkdir -p "$STATE"/{redis,solr,ckan,storage,logs,pids}
chmod 700 "$STATE"

free_port() {
    "$VPY" - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}
rand() { "$VPY" -c 'import secrets; print(secrets.token_hex(16))'; }

PG_PORT=$(free_port); REDIS_PORT=$(free_port); SOLR_PORT=$(free_port); CKAN_PORT=$(free_port)
while [ "$REDIS_PORT" = "$PG_PORT" ]; do REDIS_PORT=$(free_port); done
while [ "$SOLR_PORT" = "$PG_PORT" ] || [ "$SOLR_PORT" = "$REDIS_PORT" ]; do SOLR_PORT=$(free_port); done
while [ "$CKAN_PORT" = "$PG_PORT" ] || [ "$CKAN_PORT" = "$REDIS_PORT" ] || [ "$CKAN_PORT" = "$SOLR_PORT" ]; do CKAN_PORT=$(free_port); done
cat > "$STATE/ports" <<EOF
PG_PORT=$PG_PORT
REDIS_PORT=$REDIS_PORT
SOLR_PORT=$SOLR_PORT
CKAN_PORT=$CKAN_PORT
EOF
log "ports: postgres $PG_PORT, redis $REDIS_PORT, solr $SOLR_PORT, ckan $CKAN_PORT"

# ------------------------------------------------------------------ Solr
SOLR_HOME="$STATE/solr"
SCHEMA_SRC="$("$VPY" -c 'import ckan, os; print(os.path.join(os.path.dirname(ckan.__file__), "config", "solr", "schema.xml"))')"
[ -f "$SCHEMA_SRC" ] || die "CKAN's solr schema.xml not found at $SCHEMA_SRC"
mkdir -p "$SOLR_HOME/ckan/conf" "$SOLR_HOME/ckan/data"
cp "$HERE/solr/solr.xml" "$SOLR_HOME/solr.xml"
cp "$HERE/solr/solrconfig.xml" "$SCHEMA_SRC" "$SOLR_HOME/ckan/conf/"
: > "$SOLR_HOME/ckan/conf/synonyms.txt"
: > "$SOLR_HOME/ckan/conf/protwords.txt"
: > "$SOLR_HOME/ckan/conf/stopwords.txt"
printf 'name=ckan\n' > "$SOLR_HOME/ckan/core.properties"
setsid java -Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dsolr.log.dir="$STATE/logs" -Dsolr.install.dir="$SOLR_DIR" \
    -Dsolr.disable.allowUrls=true \
    -cp "$SOLR_DIR/lib/*:$SOLR_DIR/classes" PubSolrRunner "$SOLR_HOME" "$SOLR_PORT" \
    > "$STATE/logs/solr.log" 2>&1 < /dev/null &
echo $! > "$STATE/pids/solr.pid"
log "solr starting (pid $(cat "$STATE/pids/solr.pid"))"

# ------------------------------------------------------------------ Redis
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes \
    --pidfile "$STATE/pids/redis.pid" --dir "$STATE/redis" \
    --logfile "$STATE/logs/redis.log" --save '' --appendonly no \
    || die "redis-server failed to start (see $STATE/logs/redis.log)"
for i in $(seq 50); do [ -s "$STATE/pids/redis.pid" ] && break; sleep 0.1; done
log "redis started (pid $(cat "$STATE/pids/redis.pid"))"

# ------------------------------------------------------------------ PostgreSQL
# Runs as $PG_USER (never root). The data dir must be reachable by that user;
# if STATE_DIR is not (e.g. under /root), use a private dir in /tmp.
if runuser -u "$PG_USER" -- test -x "$STATE" 2>/dev/null; then
    PG_ROOT="$STATE/pg"
    mkdir -p "$PG_ROOT"
else
    PG_ROOT="$(mktemp -d /tmp/publicador-ckan-pg.XXXXXX)"
fi
echo "$PG_ROOT" > "$STATE/pg.path"
chown "$PG_USER" "$PG_ROOT"; chmod 700 "$PG_ROOT"
PG_SUPER_PW=$(rand); CKAN_DB_PW=$(rand); DS_RO_PW=$(rand)
printf '%s\n' "$PG_SUPER_PW" > "$PG_ROOT/pwfile"; chown "$PG_USER" "$PG_ROOT/pwfile"; chmod 600 "$PG_ROOT/pwfile"
runuser -u "$PG_USER" -- mkdir -p "$PG_ROOT/sock"
runuser -u "$PG_USER" -- "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PG_ROOT/pwfile" --no-sync \
    > "$STATE/logs/initdb.log" 2>&1 || die "initdb failed (see $STATE/logs/initdb.log)"
rm -f "$PG_ROOT/pwfile"
runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start > /dev/null || { cat "$PG_ROOT/postgres.log" >&2; die "PostgreSQL failed to start"; }
head -1 "$PG_ROOT/data/postmaster.pid" > "$STATE/pids/postgres.pid"
ln -sf "$PG_ROOT/postgres.log" "$STATE/logs/postgres.log"
psql_su() { runuser -u "$PG_USER" -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_ROOT/sock" -p "$PG_PORT" -U postgres "$@"; }
psql_su -d postgres <<EOF
CREATE ROLE ckan_default LOGIN PASSWORD '$CKAN_DB_PW';
CREATE ROLE datastore_default LOGIN PASSWORD '$DS_RO_PW';
CREATE DATABASE ckan_default OWNER ckan_default ENCODING 'UTF8';
CREATE DATABASE datastore_default OWNER ckan_default ENCODING 'UTF8';
EOF
log "postgres started (pid $(cat "$STATE/pids/postgres.pid")), databases created"

# ------------------------------------------------------------------ CKAN config
INI="$STATE/ckan/ckan.ini"
DB_URL="postgresql://ckan_default:$CKAN_DB_PW@127.0.0.1:$PG_PORT/ckan_default"
DS_W_URL="postgresql://ckan_default:$CKAN_DB_PW@127.0.0.1:$PG_PORT/datastore_default"
DS_R_URL="postgresql://datastore_default:$DS_RO_PW@127.0.0.1:$PG_PORT/datastore_default"
SITE_URL="http://127.0.0.1:$CKAN_PORT"
"$CKAN" generate config "$INI" > "$STATE/logs/ckan-setup.log" 2>&1 || die "ckan generate config failed"
PLUGINS="publicador_compat activity datastore xloader validation scheming_datasets comments"
"$CKAN" config-tool "$INI" \
    "sqlalchemy.url=$DB_URL" \
    "ckan.datastore.write_url=$DS_W_URL" \
    "ckan.datastore.read_url=$DS_R_URL" \
    "solr_url=http://127.0.0.1:$SOLR_PORT/solr/ckan" \
    "ckan.redis.url=redis://127.0.0.1:$REDIS_PORT/0" \
    "ckan.site_url=$SITE_URL" \
    "ckan.site_id=publicador-test" \
    "ckan.site_title=Portal de prueba Publicador" \
    "ckan.storage_path=$STATE/storage" \
    "ckan.max_resource_size=200" \
    "ckan.plugins=$PLUGINS" \
    "ckan.locale_default=${PUB_CKAN_LOCALE:-es}" \
    "ckan.auth.create_unowned_dataset=false" \
    "scheming.dataset_schemas=file://$HERE/datos_gob_cl_dataset.yaml" \
    "scheming.presets=ckanext.scheming:presets.json ckanext.validation:presets.json" \
    "scheming.dataset_fallback=false" \
    "ckanext.xloader.jobs_db.uri=$DB_URL" \
    "ckanext.xloader.formats=csv application/csv tsv xls xlsx" \
    "ckanext.validation.formats=csv xlsx xls" \
    "ckanext.comments.require_approval=true" \
    "ckanext.comments.enable_default_dataset_comments=true" \
    "ckan.datastore.sqlsearch.enabled=false" \
    "debug=false" \
    >> "$STATE/logs/ckan-setup.log" 2>&1 || die "ckan config-tool failed (see $STATE/logs/ckan-setup.log)"
# logs to file
sed -i "s|^args = (sys.stderr,)|args = (sys.stderr,)|" "$INI"
log "ckan.ini written"

# ------------------------------------------------------------------ wait for Solr
for i in $(seq 240); do
    if curl -sf "http://127.0.0.1:$SOLR_PORT/solr/ckan/schema?wt=schema.xml" 2>/dev/null | grep -q 'name="ckan-2.11"'; then
        break
    fi
    kill -0 "$(cat "$STATE/pids/solr.pid")" 2>/dev/null || { tail -50 "$STATE/logs/solr.log" >&2; die "Solr died"; }
    [ "$i" = 240 ] && { tail -50 "$STATE/logs/solr.log" >&2; die "Solr did not serve CKAN's schema within 60s"; }
    sleep 0.25
done
log "solr serves CKAN's schema (ckan-2.11)"

# ------------------------------------------------------------------ DB init
"$CKAN" -c "$INI" db init >> "$STATE/logs/ckan-setup.log" 2>&1 || { tail -40 "$STATE/logs/ckan-setup.log" >&2; die "ckan db init failed"; }
"$CKAN" -c "$INI" datastore set-permissions 2>>"$STATE/logs/ckan-setup.log" \
    | psql_su -d datastore_default >> "$STATE/logs/ckan-setup.log" 2>&1 \
    || { tail -40 "$STATE/logs/ckan-setup.log" >&2; die "datastore set-permissions failed"; }
"$CKAN" -c "$INI" validation init-db >> "$STATE/logs/ckan-setup.log" 2>&1 || { tail -40 "$STATE/logs/ckan-setup.log" >&2; die "validation init-db failed"; }
log "databases initialised (core + plugin migrations, datastore permissions, validation table)"

# ------------------------------------------------------------------ sysadmin
SYS_USER=pub_sysadmin; ADMIN_USER=pub_orgadmin; EDITOR_USER=pub_editor; MEMBER_USER=pub_member
ORG=ministerio-de-prueba; ORG_OTHER=otro-ministerio
SYS_PW=$(rand); ADMIN_PW=$(rand); EDITOR_PW=$(rand); MEMBER_PW=$(rand)
echo y | "$CKAN" -c "$INI" sysadmin add "$SYS_USER" "email=$SYS_USER@example.org" "password=$SYS_PW" \
    "fullname=Sysadmin de prueba" >> "$STATE/logs/ckan-setup.log" 2>&1 || { tail -20 "$STATE/logs/ckan-setup.log" >&2; die "creating sysadmin failed"; }
TOKEN_SYS="$("$CKAN" -c "$INI" user token add "$SYS_USER" publicador-tests -q 2>>"$STATE/logs/ckan-setup.log" | tail -1)"
[ -n "$TOKEN_SYS" ] || die "could not create the sysadmin API token"
# ckanext-xloader needs a token to fetch (private) uploads from the site.
TOKEN_XL="$("$CKAN" -c "$INI" user token add "$SYS_USER" xloader -q 2>>"$STATE/logs/ckan-setup.log" | tail -1)"
"$CKAN" config-tool "$INI" "ckanext.xloader.api_token=$TOKEN_XL" >> "$STATE/logs/ckan-setup.log" 2>&1
chmod 600 "$INI"
log "sysadmin and tokens created"

# ------------------------------------------------------------------ CKAN server + worker
setsid "$CKAN" -c "$INI" run --host 127.0.0.1 --port "$CKAN_PORT" --disable-reloader --threaded \
    > "$STATE/logs/ckan.log" 2>&1 < /dev/null &
echo $! > "$STATE/pids/ckan.pid"
setsid "$CKAN" -c "$INI" jobs worker default > "$STATE/logs/worker.log" 2>&1 < /dev/null &
echo $! > "$STATE/pids/worker.pid"
for i in $(seq 240); do
    if curl -sf "$SITE_URL/api/3/action/status_show" >/dev/null 2>&1; then break; fi
    kill -0 "$(cat "$STATE/pids/ckan.pid")" 2>/dev/null || { tail -40 "$STATE/logs/ckan.log" >&2; die "CKAN server died"; }
    [ "$i" = 240 ] && { tail -40 "$STATE/logs/ckan.log" >&2; die "CKAN did not answer within 60s"; }
    sleep 0.25
done
log "ckan serving $SITE_URL (pid $(cat "$STATE/pids/ckan.pid")), worker pid $(cat "$STATE/pids/worker.pid")"

# ------------------------------------------------------------------ users, orgs, tokens via the API
api() {  # api ACTION JSON -> prints result JSON, dies on failure
    local out
    out="$(curl -sS -X POST "$SITE_URL/api/3/action/$1" -H "Authorization: $TOKEN_SYS" \
        -H 'Content-Type: application/json' --data "$2")" || die "API $1 failed: curl error"
    printf '%s' "$out" | "$VPY" -c '
import json, sys
d = json.load(sys.stdin)
if not d.get("success"):
    sys.stderr.write("API error: %s\n" % json.dumps(d.get("error")))
    sys.exit(1)
print(json.dumps(d["result"]))' || die "API $1 failed: $out"
}
jget() { "$VPY" -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

api user_create "{\"name\":\"$ADMIN_USER\",\"email\":\"$ADMIN_USER@example.org\",\"password\":\"$ADMIN_PW\",\"fullname\":\"Administradora de prueba\"}" >/dev/null
api user_create "{\"name\":\"$EDITOR_USER\",\"email\":\"$EDITOR_USER@example.org\",\"password\":\"$EDITOR_PW\",\"fullname\":\"Editor de prueba\"}" >/dev/null
api user_create "{\"name\":\"$MEMBER_USER\",\"email\":\"$MEMBER_USER@example.org\",\"password\":\"$MEMBER_PW\",\"fullname\":\"Miembro de prueba\"}" >/dev/null
api organization_create "{\"name\":\"$ORG\",\"title\":\"Ministerio de Prueba\",\"users\":[{\"name\":\"$ADMIN_USER\",\"capacity\":\"admin\"},{\"name\":\"$EDITOR_USER\",\"capacity\":\"editor\"},{\"name\":\"$MEMBER_USER\",\"capacity\":\"member\"}]}" >/dev/null
api organization_create "{\"name\":\"$ORG_OTHER\",\"title\":\"Otro Ministerio\"}" >/dev/null
TOKEN_ADMIN=$(api api_token_create "{\"user\":\"$ADMIN_USER\",\"name\":\"publicador-tests\"}" | jget token)
TOKEN_EDITOR=$(api api_token_create "{\"user\":\"$EDITOR_USER\",\"name\":\"publicador-tests\"}" | jget token)
TOKEN_MEMBER=$(api api_token_create "{\"user\":\"$MEMBER_USER\",\"name\":\"publicador-tests\"}" | jget token)
CKAN_VERSION=$(curl -sS "$SITE_URL/api/3/action/status_show" | "$VPY" -c 'import json,sys; print(json.load(sys.stdin)["result"]["ckan_version"])')
log "users, organizations and tokens created"

umask 077
cat > "$STATE/env" <<EOF
# Generated by build-aux/ckan-stack/start.sh - contains secrets, do not commit.
export PUB_CKAN_URL='$SITE_URL'
export PUB_CKAN_VERSION='$CKAN_VERSION'
export PUB_CKAN_TOKEN_SYSADMIN='$TOKEN_SYS'
export PUB_CKAN_TOKEN_ADMIN='$TOKEN_ADMIN'
export PUB_CKAN_TOKEN_EDITOR='$TOKEN_EDITOR'
export PUB_CKAN_TOKEN_MEMBER='$TOKEN_MEMBER'
export PUB_CKAN_USER_SYSADMIN='$SYS_USER'
export PUB_CKAN_USER_ADMIN='$ADMIN_USER'
export PUB_CKAN_USER_EDITOR='$EDITOR_USER'
export PUB_CKAN_USER_MEMBER='$MEMBER_USER'
export PUB_CKAN_PASSWORD_SYSADMIN='$SYS_PW'
export PUB_CKAN_PASSWORD_ADMIN='$ADMIN_PW'
export PUB_CKAN_PASSWORD_EDITOR='$EDITOR_PW'
export PUB_CKAN_PASSWORD_MEMBER='$MEMBER_PW'
export PUB_CKAN_ORG='$ORG'
export PUB_CKAN_ORG_OTHER='$ORG_OTHER'
export PUB_CKAN_MAX_RESOURCE_SIZE_MB=200
export PUB_CKAN_STATE='$STATE'
export PUB_CKAN_INI='$INI'
EOF
chmod 600 "$STATE/env"
log "ready: CKAN $CKAN_VERSION at $SITE_URL; env in $STATE/env"
