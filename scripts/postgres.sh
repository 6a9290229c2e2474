#!/usr/bin/env bash
# A PostgreSQL server on 127.0.0.1:5432 and throwaway databases on it (user postgres,
# no password: trust authentication for local connections, as on the dev and CI machines).
#
#   ./scripts/postgres.sh start          # make sure the server answers (installs it if absent)
#   ./scripts/postgres.sh create [NAME]  # start, create a database, print its DATABASE_URL
#   ./scripts/postgres.sh drop NAME|URL  # drop that database (and Django's test_NAME)
#
#   export DATABASE_URL=$(./scripts/postgres.sh create)
#   ./scripts/test.sh
#   ./scripts/postgres.sh drop "$DATABASE_URL"
#
# Only the database URL goes to standard output; messages go to standard error.
set -euo pipefail

PGHOST_ADDR=${PGHOST_ADDR:-127.0.0.1}
PGPORT_NUM=${PGPORT_NUM:-5432}
PGSUPER=${PGSUPER:-postgres}

say() { echo "postgres: $*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

cluster_version() {
    find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n 1
}

answers() {
    command -v pg_isready >/dev/null 2>&1 &&
        pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -t 2 >/dev/null 2>&1
}

psql_super() {
    PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -w -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$PGSUPER" "$@"
}

install_postgres() {
    say "PostgreSQL is not installed: apt-get install postgresql"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q >&2
    as_root apt-get install -y -q postgresql >&2
}

configure_trust() {
    # Local development and CI only: connections from this machine need no password.
    local version=$1 hba
    hba=/etc/postgresql/$version/main/pg_hba.conf
    [ -f "$hba" ] || return 0
    if grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
        return 0
    fi
    say "configuring trust authentication for local connections in $hba"
    as_root cp "$hba" "$hba.before-wsd"
    as_root sed -i -E \
        -e 's/^(local[[:space:]]+all[[:space:]]+all[[:space:]]+)[a-z0-9-]+[[:space:]]*$/\1trust/' \
        -e 's/^(local[[:space:]]+all[[:space:]]+postgres[[:space:]]+)[a-z0-9-]+[[:space:]]*$/\1trust/' \
        -e 's#^(host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+)[a-z0-9-]+[[:space:]]*$#\1trust#' \
        -e 's#^(host[[:space:]]+all[[:space:]]+all[[:space:]]+::1/128[[:space:]]+)[a-z0-9-]+[[:space:]]*$#\1trust#' \
        "$hba"
    grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" ||
        echo "host all all 127.0.0.1/32 trust" | as_root tee -a "$hba" >/dev/null
}

start_server() {
    if answers; then
        return 0
    fi
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(cluster_version)" ]; then
        install_postgres
    fi
    local version
    version=$(cluster_version)
    if [ -z "$version" ]; then
        say "no PostgreSQL cluster under /etc/postgresql after installing; giving up"
        exit 1
    fi
    if [ ! -d "/etc/postgresql/$version/main" ]; then
        say "creating cluster $version/main"
        as_root pg_createcluster "$version" main >&2
    fi
    configure_trust "$version"
    say "starting PostgreSQL $version/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
    local _
    for _ in $(seq 1 60); do
        if answers; then
            say "PostgreSQL $version answers on $PGHOST_ADDR:$PGPORT_NUM"
            return 0
        fi
        sleep 0.5
    done
    say "PostgreSQL does not answer on $PGHOST_ADDR:$PGPORT_NUM; see /var/log/postgresql/"
    exit 1
}

check_login() {
    if psql_super -d postgres -c 'select 1' >/dev/null 2>&1; then
        return 0
    fi
    local version
    version=$(cluster_version)
    if [ -n "$version" ] && [ "$(id -u)" = 0 ]; then
        configure_trust "$version"
        as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload >&2 || true
        sleep 1
        psql_super -d postgres -c 'select 1' >/dev/null 2>&1 && return 0
    fi
    say "cannot log in as '$PGSUPER' without a password on $PGHOST_ADDR:$PGPORT_NUM."
    say "Allow it with 'host all all 127.0.0.1/32 trust' in pg_hba.conf, then reload."
    exit 1
}

db_name_from() {
    # Accept a name or a postgres:// URL.
    local arg=$1
    arg=${arg%%\?*}
    echo "${arg##*/}"
}

valid_name() {
    [[ $1 =~ ^[a-z_][a-z0-9_]{0,50}$ ]] || {
        say "invalid database name '$1' (lower-case letters, digits and _ only)"
        exit 2
    }
}

create_db() {
    local name=${1:-wsd_$(date +%Y%m%d_%H%M%S)_$$}
    valid_name "$name"
    start_server
    check_login
    psql_super -d postgres -c "CREATE DATABASE \"$name\"" >&2
    say "created database $name"
    echo "postgres://$PGSUPER@$PGHOST_ADDR:$PGPORT_NUM/$name"
}

drop_db() {
    local name
    name=$(db_name_from "${1:?usage: postgres.sh drop NAME|URL}")
    valid_name "$name"
    if ! answers; then
        say "server not running; nothing to drop"
        return 0
    fi
    # Django's test runner makes test_<name>; drop it too in case a run was interrupted.
    psql_super -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >&2
    psql_super -d postgres -c "DROP DATABASE IF EXISTS \"test_$name\" WITH (FORCE)" >&2
    say "dropped database $name"
}

case "${1:-create}" in
start) start_server && check_login ;;
create) create_db "${2:-}" ;;
drop) drop_db "${2:-}" ;;
*)
    sed -n '2,13p' "$0" >&2
    exit 2
    ;;
esac
