#!/bin/bash
# Install everything the throwaway CKAN 2.11 test stack needs (idempotent).
#   - Debian packages (only those missing): postgresql-15, redis-server,
#     libpq-dev, python3-dev, python3-venv, libmagic1, openjdk-17-jdk-headless,
#     maven, curl
#   - a virtualenv with CKAN 2.11.x + extensions from PyPI
#   - Solr 9.10.1 jars (solr-test-framework + deps) from Maven Central
#   - the tiny Java launcher for JettySolrRunner
# Cache dir: $PUB_CKAN_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/publicador-ckan-stack
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/versions.sh"

CACHE="${PUB_CKAN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/publicador-ckan-stack}"
mkdir -p "$CACHE"
T0=$(date +%s)
log() { echo "[ckan-stack install] $*"; }
die() { echo "[ckan-stack install] ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------- apt
APT_PKGS=(postgresql-15 postgresql-client-15 redis-server libpq-dev python3-dev
          python3-venv libmagic1 openjdk-17-jdk-headless maven curl ca-certificates jq bc)
missing=()
for p in "${APT_PKGS[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "need root to apt-get install: ${missing[*]}"
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Do not let the packages start system services (we run our own instances).
    policy_created=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    apt-get update -qq || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { [ $policy_created = 1 ] && rm -f /usr/sbin/policy-rc.d; die "apt-get install failed"; }
    [ $policy_created = 1 ] && rm -f /usr/sbin/policy-rc.d
else
    log "apt packages present"
fi
T_APT=$(date +%s)

# ---------------------------------------------------------------- python venv
PY="${PUB_CKAN_PYTHON:-/usr/bin/python3}"
VENV="$CACHE/venv"
STAMP="$VENV/.publicador-stamp"
WANT_STAMP="$(cat "$HERE/versions.sh" "$HERE"/compat-plugin/pyproject.toml "$HERE"/compat-plugin/*/*.py | sha256sum | cut -c1-16)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ] && [ -x "$VENV/bin/ckan" ]; then
    log "venv up to date ($VENV)"
else
    log "creating venv with $PY"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV" || die "python venv creation failed (python3-venv missing?)"
    PIP=("$VENV/bin/pip" install -q --disable-pip-version-check --no-input)
    "${PIP[@]}" "pip>=23,<26" "setuptools>=44.1.0,<71" wheel
    log "pip install ckan[requirements]==$CKAN_SPEC"
    "${PIP[@]}" "ckan[requirements]==$CKAN_SPEC" || die "pip install ckan failed"
    # Freeze CKAN's exact pins so the extensions can't move them.
    "$VENV/bin/pip" freeze --exclude-editable | grep -v '^ckan==' > "$VENV/ckan-constraints.txt"
    log "pip install extensions"
    "${PIP[@]}" -c "$VENV/ckan-constraints.txt" "${EXT_PKGS[@]}" "${EXT_DEPS[@]}" \
        || die "pip install of CKAN extensions failed"
    "${PIP[@]}" -c "$VENV/ckan-constraints.txt" --no-build-isolation "$HERE/compat-plugin" \
        || die "pip install of the local compat plugin failed"
    rm -rf "$HERE/compat-plugin/build" "$HERE/compat-plugin/"*.egg-info
    "$VENV/bin/python" -c 'import publicador_ckan_compat, ckan, ckanext.scheming, ckanext.comments, ckanext.xloader' \
        || die "extension import check failed"
    if ! "$VENV/bin/python" -c 'import ckan; assert ckan.__version__.startswith("2.11.")'; then
        die "wrong CKAN version in venv"
    fi
    echo "$WANT_STAMP" > "$STAMP"
fi
"$VENV/bin/pip" check >/dev/null 2>&1 || log "note: pip check reports conflicts (see README)"
T_VENV=$(date +%s)

# ---------------------------------------------------------------- solr jars
SOLR_DIR="$CACHE/solr-$SOLR_VERSION"
if [ -f "$SOLR_DIR/.complete" ] && ls "$SOLR_DIR/lib/"solr-core-*.jar >/dev/null 2>&1; then
    log "solr $SOLR_VERSION jars cached"
else
    log "resolving org.apache.solr:solr-test-framework:$SOLR_VERSION from Maven Central"
    rm -rf "$SOLR_DIR"
    mkdir -p "$SOLR_DIR/lib"
    cat > "$SOLR_DIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>cl.publicador.test</groupId>
  <artifactId>ckan-stack-solr</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.solr</groupId>
      <artifactId>solr-test-framework</artifactId>
      <version>$SOLR_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
    ( cd "$SOLR_DIR" && mvn -B -q -Dmaven.repo.local="$CACHE/m2" \
        org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
        -DoutputDirectory="$SOLR_DIR/lib" -DincludeScope=runtime ) \
        || die "maven could not resolve solr-test-framework $SOLR_VERSION"
    touch "$SOLR_DIR/.complete"
fi
# compile the launcher (cheap; redo when the source changed)
CLS="$SOLR_DIR/classes"
SRC="$HERE/java/PubSolrRunner.java"
SRC_SUM="$(sha256sum "$SRC" | cut -c1-16)"
if [ ! -f "$CLS/PubSolrRunner.class" ] || [ "$(cat "$CLS/.src" 2>/dev/null)" != "$SRC_SUM" ]; then
    log "compiling PubSolrRunner"
    rm -rf "$CLS"; mkdir -p "$CLS"
    javac -d "$CLS" -cp "$SOLR_DIR/lib/*" "$SRC" || die "javac failed"
    echo "$SRC_SUM" > "$CLS/.src"
fi
T_SOLR=$(date +%s)

"$VENV/bin/pip" freeze 2>/dev/null | grep -iE '^(ckan|ckanext-|frictionless|tabulator|tableschema)' \
    | sed 's/^/[ckan-stack install]   /' || true
log "timings: apt $((T_APT-T0))s, venv $((T_VENV-T_APT))s, solr $((T_SOLR-T_VENV))s, total $((T_SOLR-T0))s"
log "cache: $CACHE"
