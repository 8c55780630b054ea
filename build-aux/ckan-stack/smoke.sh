#!/bin/bash
# Smoke-check a running stack with curl.
#   usage: smoke.sh [STATE_DIR]   (or with PUB_CKAN_* already in the environment)
set -uo pipefail
if [ $# -ge 1 ]; then . "$1/env"; fi
: "${PUB_CKAN_URL:?source STATE_DIR/env or pass STATE_DIR}"
API="$PUB_CKAN_URL/api/3/action"
FAILS=0
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
ok()   { echo "  OK   $*"; }
bad()  { echo "  FAIL $*"; FAILS=$((FAILS+1)); }
# call TOKEN ACTION [JSON]  -> body in $TMP/out, HTTP code in $CODE
call() {
    local tok="$1" act="$2" data="${3:-}"
    if [ -n "$data" ]; then
        CODE=$(curl -sS -o "$TMP/out" -w '%{http_code}' -X POST "$API/$act" \
            -H "Authorization: $tok" -H 'Content-Type: application/json' --data "$data")
    else
        CODE=$(curl -sS -o "$TMP/out" -w '%{http_code}' "$API/$act" -H "Authorization: $tok")
    fi
}
show() {
    if jq -e '.success == false' "$TMP/out" >/dev/null 2>&1; then
        echo "  error: $(jq -c .error "$TMP/out" | cut -c1-400)"
    else
        jq -c "$@" "$TMP/out" 2>/dev/null | cut -c1-400 || head -c 400 "$TMP/out"
    fi
}

echo "== status_show"
call "" status_show
show '.result | {ckan_version, extensions}'
for e in activity datastore xloader validation scheming_datasets comments; do
    jq -e --arg e "$e" '.result.extensions | index($e)' "$TMP/out" >/dev/null && ok "extension $e" || bad "extension $e missing"
done

echo "== user_show (no id) with the editor token"
call "$PUB_CKAN_TOKEN_EDITOR" user_show
show '.result | {name, sysadmin, email}'
[ "$(jq -r .result.name "$TMP/out")" = "$PUB_CKAN_USER_EDITOR" ] && ok "token owner is $PUB_CKAN_USER_EDITOR" || bad "user_show"

NAME="smoke-$(date +%s)-$$"
echo "== package_create $NAME (editor, scheming fields)"
call "$PUB_CKAN_TOKEN_EDITOR" package_create "$(jq -nc --arg n "$NAME" --arg o "$PUB_CKAN_ORG" '{
    name: $n, title: "Conjunto de prueba", notes: "Descripción **markdown**",
    author: "Unidad de Datos", author_email: "datos@example.org", owner_org: $o,
    private: false, license_id: "cc-by", tag_string: "prueba,humo",
    frequency: "1m", period: "2020-2024"}')"
echo "  HTTP $CODE"; show '.result // .error | {name, frequency, period, private, tags: [.tags[]?.name], error: .__type}'
PKG_ID=$(jq -r '.result.id // empty' "$TMP/out")
[ -n "$PKG_ID" ] && ok "created $PKG_ID" || bad "package_create"
call "$PUB_CKAN_TOKEN_EDITOR" "package_show?id=$NAME"
[ "$(jq -r '.result.frequency + "|" + .result.period' "$TMP/out")" = "1m|2020-2024" ] \
    && ok "frequency/period read back" || bad "frequency/period not read back: $(show .result)"

echo "== resource_create with multipart upload"
printf 'region,anio,valor\nArica,2020,10\nTarapaca,2020,12\nAntofagasta,2021,7\n' > "$TMP/datos.csv"
CODE=$(curl -sS -o "$TMP/out" -w '%{http_code}' -X POST "$API/resource_create" \
    -H "Authorization: $PUB_CKAN_TOKEN_EDITOR" \
    -F "package_id=$PKG_ID" -F "name=Datos de prueba" -F "format=CSV" -F "upload=@$TMP/datos.csv")
echo "  HTTP $CODE"; show '.result // .error | {id, url, url_type, size, mimetype, format}'
RES_ID=$(jq -r '.result.id // empty' "$TMP/out")
RES_URL=$(jq -r '.result.url // empty' "$TMP/out")
[ -n "$RES_ID" ] && ok "uploaded $RES_ID" || bad "upload"
if [ -n "$RES_URL" ]; then
    got=$(curl -sS -H "Authorization: $PUB_CKAN_TOKEN_EDITOR" "$RES_URL" | head -1)
    [ "$got" = "region,anio,valor" ] && ok "download $RES_URL" || bad "download returned '$got'"
fi

echo "== comments_comment_create (member)"
call "$PUB_CKAN_TOKEN_MEMBER" comments_comment_create "$(jq -nc --arg s "$PKG_ID" '{
    subject_id: $s, subject_type: "package", content: "¿Hay datos de 2019?", create_thread: true}')"
echo "  HTTP $CODE"; show '.result // .error | {id, state, approved, thread_id, author_id}'
CID=$(jq -r '.result.id // empty' "$TMP/out")
[ -n "$CID" ] && ok "comment $CID" || bad "comment create"
call "$PUB_CKAN_TOKEN_SYSADMIN" comments_comment_approve "{\"id\":\"$CID\"}"
show '.result // .error | {state, approved}'
[ "$(jq -r .result.state "$TMP/out")" = approved ] && ok "approved by sysadmin" || bad "approve"

echo "== xloader_status / resource_validation_show (waiting for the worker, max 90s)"
XL=""; VS=""
for i in $(seq 90); do
    [ -n "$RES_ID" ] || break
    call "$PUB_CKAN_TOKEN_EDITOR" "xloader_status?resource_id=$RES_ID"; XL=$(jq -r '.result.status // empty' "$TMP/out"); cp "$TMP/out" "$TMP/xl"
    call "$PUB_CKAN_TOKEN_EDITOR" "resource_validation_show?resource_id=$RES_ID"; VS=$(jq -r '.result.status // empty' "$TMP/out"); cp "$TMP/out" "$TMP/vs"
    case "$XL" in complete|error) case "$VS" in success|failure|error) break;; esac;; esac
    sleep 1
done
jq -c '.result // .error | {status, error, last_updated, task_info: (.task_info|{status, logs: [.logs[]?.message][-3:]})}' "$TMP/xl" | cut -c1-400
[ "$XL" = complete ] && ok "xloader complete" || bad "xloader status '$XL'"
jq -c '.result // .error | {status, error, report_type: (.report|type), report_valid: ((.report | if type=="string" then fromjson else . end) | .valid)}' "$TMP/vs" | cut -c1-400
[ "$VS" = success ] && ok "validation success" || bad "validation status '$VS'"
call "$PUB_CKAN_TOKEN_EDITOR" "datastore_search?resource_id=$RES_ID&limit=2"
show '.result // .error | {total, fields: [.fields[]?.id], records}'
[ "$(jq -r .result.total "$TMP/out")" = 3 ] && ok "datastore has 3 rows" || bad "datastore_search"

echo
if [ $FAILS = 0 ]; then echo "smoke: all checks passed"; else echo "smoke: $FAILS check(s) FAILED"; fi
exit $((FAILS > 0))
