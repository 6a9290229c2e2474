#!/usr/bin/env bash
# Load test: many concurrent connections for a while against the production configuration on
# PostgreSQL, mixing key pages and search (not a test; results in docs/performance.md).
#
#   ./scripts/loadtest.sh [--products N] [--connections C] [--duration S] [--cold | --both]
#                         [--workers W] [--threads T] [--warmup S] [--timeout S] [--no-prime]
#                         [--keep-db] [--database URL]
#
# Set up as scripts/benchmark.sh does: a throwaway PostgreSQL database with the demo content plus
# N bulk products (generate_bulk_content --seed 1), collectstatic, the production settings under
# gunicorn bound to 127.0.0.1, Redis as the cache, requests with X-Forwarded-Proto: https. Then
# wrk holds C connections for S seconds through scripts/loadtest.lua: the key pages
# (benchmark_paginas.py urls) and searches in turn, the 20 Dutch queries of benchmark_paginas.py
# both in /zoeken/ and in the kennisbank (?q=). Before that, in warm mode, one request for every
# URL of the mix (the run starts with every page in the cache; --no-prime leaves those first
# renders in the run), and in both modes a warm-up of --warmup seconds with the same mix.
# Prints total requests, requests/s, p50/p90/p99 latency and the errors (connect, read, write,
# timeout, status >= 400, error lines in the server log); exits non-zero if there was any error.
#
# Modes: warm by default (PAGINACACHE=1, as production runs); --cold renders every request
# (PAGINACACHE=0); --both runs warm, then cold, on the same database. --database URL uses an
# existing database that already has the content (nothing is loaded, nothing dropped).
#
# Defaults: --products 20000 --connections 64 --duration 60 --warmup 5 --timeout 10 (wrk's
# per-request timeout), gunicorn --workers 2 --threads 4: gthread (gunicorn's choice whenever
# threads > 1), one process per core and threads to overlap the waits for PostgreSQL and Redis;
# connections are kept alive and every one is accepted and queued, none refused. --threads 1
# gives sync workers. Why 2 x 4: docs/performance.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

PRODUCTS=20000 CONNECTIONS=64 DURATION=60 WARMUP=5 TIMEOUT=10 WORKERS=2 THREADS=4
MODES=warm PRIME=1 KEEP_DB=0 GIVEN_DB=""
while [ $# -gt 0 ]; do
    case "$1" in
    --products | --connections | --duration | --warmup | --timeout | --workers | --threads)
        OPTION=${1#--}
        printf -v "${OPTION^^}" '%s' "${2:?$1 needs a value}"
        shift 2
        ;;
    --cold) MODES=cold; shift ;;
    --both) MODES="warm cold"; shift ;;
    --no-prime) PRIME=0; shift ;;
    --keep-db) KEEP_DB=1; shift ;;
    --database) GIVEN_DB=$2; shift 2 ;;
    *) sed -n '2,/^set /{/^#/p}' "$0" >&2; exit 2 ;;
    esac
done

say() { echo "loadtest: $*" >&2; }

./scripts/bootstrap.sh >&2
PY=$ROOT/.venv/bin/python
./scripts/postgres.sh start </dev/null
./scripts/redis.sh start </dev/null
command -v wrk >/dev/null 2>&1 || {
    say "wrk is missing: apt-get install wrk"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >&2
}

WORK=$(mktemp -d /tmp/wsd-load.XXXXXX)
DB_URL=$GIVEN_DB
SERVER_PID=""
on_exit() {
    set +e
    [ -z "$SERVER_PID" ] || { kill "$SERVER_PID"; wait "$SERVER_PID"; } 2>/dev/null
    if [ -n "$DB_URL" ] && [ -z "$GIVEN_DB" ]; then
        if [ "$KEEP_DB" = 1 ]; then
            say "database kept: $DB_URL"
        else
            ./scripts/postgres.sh drop "$DB_URL"
        fi
    fi
    rm -rf "$WORK"
}
trap on_exit EXIT

[ -n "$DB_URL" ] || DB_URL=$(./scripts/postgres.sh create "wsd_load_$(date +%s)_$$" </dev/null)
REDIS_DB=${LOADTEST_REDIS_DB:-10}
SECRET=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')
export DATABASE_URL=$DB_URL REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB
export DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$SECRET ALLOWED_HOSTS=127.0.0.1 \
    SITE_URL=https://127.0.0.1
export MEDIA_ROOT=$WORK/media LOG_LEVEL=ERROR PYTHONDONTWRITEBYTECODE=1

if [ -z "$GIVEN_DB" ]; then
    say "$DB_URL: migrate, demo content, $PRODUCTS bulk products, collectstatic"
    "$PY" manage.py migrate -v0 </dev/null
    "$PY" manage.py load_demo_content </dev/null >"$WORK/demo.log"
    "$PY" manage.py generate_bulk_content --products "$PRODUCTS" --seed 1 </dev/null >&2
fi
"$PY" manage.py collectstatic --noinput -v0 </dev/null
"$PY" scripts/benchmark_paginas.py urls </dev/null >"$WORK/pages.tsv"
"$PY" scripts/benchmark_paginas.py zoekpaden </dev/null >"$WORK/zoeken.txt"
# The same queries in the kennisbank's own search as well.
sed 'p; s#^/zoeken/#/kennisbank/#' "$WORK/zoeken.txt" >"$WORK/search.txt"
COUNT='from portal.demo.bulkinhoud import bulkproducten as b
from kennisbank.models import ProductPage as p
print(f"{p.objects.live().count()} live products, {b().live().count()} of them bulk")'
PRODUCTS_LIVE=$("$PY" manage.py shell -c "$COUNT" </dev/null | tail -n 1)

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
PROTO="X-Forwarded-Proto: https"

serve() { # serve PAGINACACHE LOG: gunicorn in the background until it answers /robots.txt
    PAGINACACHE=$1 "$ROOT/.venv/bin/gunicorn" portal.wsgi:application --bind "127.0.0.1:$PORT" \
        --workers "$WORKERS" --threads "$THREADS" --timeout 60 \
        --log-level warning </dev/null >"$2" 2>&1 &
    SERVER_PID=$!
    local try
    for try in $(seq 1 150); do
        curl -sf -o /dev/null -H "$PROTO" "$BASE/robots.txt" && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    tail -n 40 "$2" >&2
    say "gunicorn did not start (after $try tries)"
    exit 1
}

# Three quick answers in a row to /robots.txt: the requests wrk left behind are done.
drain() {
    local quick=0 time
    for time in $(seq 1 300); do
        time=$(curl -s -o /dev/null -w '%{time_total}' -H "$PROTO" "$BASE/robots.txt")
        if awk -v t="$time" 'BEGIN { exit !(t < 0.1) }'; then quick=$((quick + 1)); else quick=0; fi
        [ "$quick" -lt 3 ] || return 0
    done
}

prime() { # one request for every URL of the mix, one at a time
    local path code
    for path in $(cut -f2 "$WORK/pages.tsv") $(cat "$WORK/search.txt"); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "$PROTO" "$BASE$path")
        [ "$code" = 200 ] || { say "priming: HTTP $code for $path"; FAILED=1; }
    done
}

FAILED=0
for MODE in $MODES; do
    CACHE=1
    [ "$MODE" = warm ] || CACHE=0
    LOG=$WORK/gunicorn-$MODE.log
    redis-cli -n "$REDIS_DB" flushdb >/dev/null
    serve "$CACHE" "$LOG"
    WRK=(wrk -t2 -c"$CONNECTIONS" --timeout "${TIMEOUT}s" -H "$PROTO" -s scripts/loadtest.lua)
    MIX=("$BASE" -- "$WORK/pages.tsv" "$WORK/search.txt")
    PRIMED=no
    if [ "$MODE" = warm ] && [ "$PRIME" = 1 ]; then
        say "warm: one request for every URL of the mix"
        prime
        PRIMED=yes
    fi
    say "$MODE: ${WARMUP} s warm-up, then $CONNECTIONS connections for $DURATION s"
    "${WRK[@]}" -d"${WARMUP}s" "${MIX[@]}" >/dev/null 2>&1 || true
    drain
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    "${WRK[@]}" -d"${DURATION}s" "${MIX[@]}" >"$WORK/wrk-$MODE.txt" 2>&1 || true
    kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    LOGGED=$(grep -Eci 'error|critical|traceback' "$LOG" || true)
    ERRORS=$(sed -n 's/^LOADTEST_ERRORS //p' "$WORK/wrk-$MODE.txt")
    echo "## $MODE (PAGINACACHE=$CACHE), $(date '+%Y-%m-%d %H:%M')"
    echo "  setup          $PRODUCTS_LIVE; PostgreSQL, Redis, production settings;"
    echo "                 gunicorn --workers $WORKERS --threads $THREADS; primed: $PRIMED"
    echo "                 wrk -t2 -c$CONNECTIONS -d${DURATION}s --timeout ${TIMEOUT}s; $(nproc) cores,"
    echo "                 load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)"
    sed -n '/^LOADTEST_SUMMARY$/,$p' "$WORK/wrk-$MODE.txt" | grep '^  ' || cat "$WORK/wrk-$MODE.txt"
    echo "  server log     $LOGGED error lines"
    if [ "${ERRORS:-1}" != 0 ] || [ "$LOGGED" != 0 ]; then
        FAILED=1
        grep -Ei -m 20 'error|critical|traceback' "$LOG" >&2 || true
    fi
done
[ "$FAILED" = 0 ] || { say "FAILED: there were errors"; exit 1; }
