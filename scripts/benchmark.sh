#!/usr/bin/env bash
# Benchmark of the key pages against the ceiling of the stack (not a test; see docs/performance.md).
#
#   ./scripts/benchmark.sh [--products N] [--duration S] [--connections C] [--keep-db] [--out FILE]
#
# In one run: a throwaway PostgreSQL database with the demo content plus N bulk products
# (generate_bulk_content --seed 1), the production settings under gunicorn (2 workers, sync,
# bound to 127.0.0.1), Redis as the cache, and wrk (Debian's package) against every key page:
# requests per second and p50/p99 latency, cold (PAGINACACHE=0: every request rendered) and warm
# (PAGINACACHE=1: served from the page cache), each next to a trivial view through the same
# middleware stack (/_benchmark/plafond/, the ceiling) as a ratio. Then, in both modes, each key
# page one request at a time (median and p95) and each worker's memory (RSS) after the run;
# search latency (p50, p95, p99) over a fixed list of Dutch queries, one request at a time, cold;
# publishing under load: the warm mix of scripts/loadtest.lua plus a second wrk on product
# pages, first without, then with a product published every 5 s (manage.py
# publish_during_benchmark), for --publish-duration seconds each: throughput with publishes as a
# share of that without, and how many product-page requests were still cache hits; then the
# admin views of a regional editor (scripts/benchmark_admin.py: median, p95, queries). Requests
# carry X-Forwarded-Proto: https, as from the proxy production sits behind. Loopback only.
#
# Defaults: --products 20000 --duration 10 --connections 16 --publish-duration 30. The Markdown
# table goes to standard output and to --out (default var/benchmark/benchmark-<time>.md).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

PRODUCTS=20000
DURATION=10
CONNECTIONS=16
KEEP_DB=0
OUT=""
PUBLISH_DURATION=30
while [ $# -gt 0 ]; do
    case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --publish-duration) PUBLISH_DURATION=$2; shift 2 ;;
    --keep-db) KEEP_DB=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    *) sed -n '2,23p' "$0" >&2; exit 2 ;;
    esac
done
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=${OUT:-var/benchmark/benchmark-$STAMP.md}
mkdir -p "$(dirname "$OUT")"

say() { echo "benchmark: $*" >&2; }

./scripts/bootstrap.sh >&2
PY=$ROOT/.venv/bin/python
./scripts/postgres.sh start </dev/null
./scripts/redis.sh start </dev/null
if ! command -v wrk >/dev/null 2>&1; then
    say "installing wrk (apt-get install wrk)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 && apt-get install -y -q wrk >&2
fi

WORK=$(mktemp -d /tmp/wsd-bench.XXXXXX)
DB_URL=""
SERVER_PID=""
cleanup() {
    set +e
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
    fi
    if [ -n "$DB_URL" ] && [ "$KEEP_DB" = 0 ]; then
        ./scripts/postgres.sh drop "$DB_URL"
    elif [ -n "$DB_URL" ]; then
        say "database kept: $DB_URL"
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

DB_URL=$(./scripts/postgres.sh create "wsd_bench_$(date +%s)_$$" </dev/null)
REDIS_DB=${BENCHMARK_REDIS_DB:-9}
export DATABASE_URL=$DB_URL
export REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
export DJANGO_SETTINGS_MODULE=benchmark_settings
export PYTHONPATH="$ROOT/scripts:$ROOT"
export SECRET_KEY
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')
export ALLOWED_HOSTS=127.0.0.1
export SITE_URL=${SITE_URL:-https://127.0.0.1}
export MEDIA_ROOT=$WORK/media
export LOG_LEVEL=ERROR
export PYTHONDONTWRITEBYTECODE=1

say "database $DB_URL: migrate, demo content, $PRODUCTS bulk products"
"$PY" manage.py migrate -v0 </dev/null
"$PY" manage.py load_demo_content </dev/null >"$WORK/demo.log"
GEN_START=$(date +%s.%N)
"$PY" manage.py generate_bulk_content --products "$PRODUCTS" --seed 1 </dev/null | tee "$WORK/bulk.log" >&2
GEN_SECONDS=$("$PY" -c "import time; print(f'{time.time() - $GEN_START:.0f}')")
"$PY" manage.py collectstatic --noinput -v0 </dev/null
LIVE=$("$PY" manage.py shell -c 'from kennisbank.models import ProductPage; print(ProductPage.objects.live().count())' </dev/null 2>/dev/null | tail -n 1)

"$PY" scripts/benchmark_paginas.py urls </dev/null >"$WORK/urls.tsv"
"$PY" scripts/benchmark_paginas.py queries </dev/null >"$WORK/queries.txt" 2>&1 || true
"$PY" scripts/benchmark_paginas.py zoekpaden </dev/null >"$WORK/zoekpaden.txt"
"$PY" scripts/benchmark_paginas.py productpaden 200 oneven </dev/null >"$WORK/productpaden.txt"

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
HDR=(-H "X-Forwarded-Proto: https")

start_server() {
    PAGINACACHE=$1 "$ROOT/.venv/bin/gunicorn" portal.wsgi:application --pythonpath "$ROOT/scripts" \
        --workers 2 --bind "127.0.0.1:$PORT" --log-level warning </dev/null >>"$WORK/gunicorn.log" 2>&1 &
    SERVER_PID=$!
    local _
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "${HDR[@]}" "$BASE/_benchmark/plafond/" && return 0
        sleep 0.2
    done
    cat "$WORK/gunicorn.log" >&2
    say "gunicorn did not start"
    exit 1
}

# Resident memory of each gunicorn worker, in MB: "61 64"
rss_workers() {
    local pid out=""
    for pid in $(pgrep -P "$SERVER_PID"); do
        out+="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status") "
    done
    echo "${out% }"
}

stop_server() {
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

# wrk's output -> "rps p50_ms p99_ms errors"
parse_wrk() {
    "$PY" - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m:
        return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sockets = re.search(r"Socket errors: (.*)", text)
print(f"{rps:.0f} {ms(50):.1f} {ms(99):.1f} {fouten.group(1) if fouten else 0}"
      + (f" [{sockets.group(1).strip()}]" if sockets else ""))
EOF
}

measure() { # measure NAME PATH -> prints "rps p50 p99 errors"
    local file="$WORK/wrk-$MODE-$1.txt"
    wrk -t2 -c"$CONNECTIONS" -d2s "${HDR[@]}" "$BASE$2" >/dev/null 2>&1 || true # warm-up
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "${HDR[@]}" "$BASE$2" >"$file" 2>&1
    parse_wrk "$file"
}

declare -A RESULT RSS
run_mode() {
    MODE=$1
    redis-cli -n "$REDIS_DB" flushdb >/dev/null
    start_server "$2"
    # The ceiling is measured right before each page, so that both see the same machine (other
    # load on the machine changes over a run); the ratio is the page's to its own ceiling.
    while IFS=$'\t' read -r name path; do
        say "$MODE (PAGINACACHE=$2): $name $path"
        RESULT[$MODE,plafond,$name]=$(measure "plafond-$name" /_benchmark/plafond/)
        RESULT[$MODE,$name]=$(measure "$name" "$path")
    done <"$WORK/urls.tsv"
    if [ "$MODE" = cold ]; then
        say "cold: search, one request at a time over $(wc -l <"$WORK/zoekpaden.txt") Dutch queries"
        "$PY" - "$WORK/zoekpaden.txt" >"$WORK/zoek.lua" <<'EOF'
import sys
paden = [p.strip() for p in open(sys.argv[1]) if p.strip()]
print("local paden = {" + ", ".join(f'"{p}"' for p in paden) + "}")
print("""local i = 0
request = function()
  i = i % #paden + 1
  return wrk.format("GET", paden[i], {["X-Forwarded-Proto"] = "https"})
end
done = function(summary, latency, requests)
  io.write(string.format("ZOEK %.1f %.1f %.1f %d %d\\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status))
end""")
EOF
        wrk -t1 -c1 -d2s -s "$WORK/zoek.lua" "$BASE/" >/dev/null 2>&1 || true
        wrk -t1 -c1 -d"${DURATION}s" -s "$WORK/zoek.lua" "$BASE/" >"$WORK/wrk-zoek.txt" 2>&1
        ZOEK=$(grep '^ZOEK' "$WORK/wrk-zoek.txt" | cut -d' ' -f2-)
    fi
    say "$MODE: each key page one request at a time"
    "$PY" scripts/benchmark_paginas.py mediaan "$BASE" 30 <"$WORK/urls.tsv" >"$WORK/mediaan-$MODE.txt"
    while read -r name med p95; do
        RESULT[$MODE,mediaan,$name]="$med $p95"
    done <"$WORK/mediaan-$MODE.txt"
    RSS[$MODE]=$(rss_workers)
    if [ "$MODE" = warm ]; then
        # Revisits: the ETag stored with the page answers If-None-Match with 304.
        local etag
        etag=$(curl -s -D - -o /dev/null "${HDR[@]}" "$BASE/" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
        REVISIT=$(curl -s -o /dev/null -w '%{http_code}' "${HDR[@]}" -H "If-None-Match: $etag" "$BASE/")
        local css
        css=$("$PY" -c 'import json; print(json.load(open("staticfiles/staticfiles.json"))["paths"]["css/portal.css"])')
        STATIC_CC=$(curl -s -D - -o /dev/null "${HDR[@]}" "$BASE/static/$css" | tr -d '\r' | sed -n 's/^[Cc]ache-[Cc]ontrol: //p')
    fi
    stop_server
}

# Publishing under load: the warm mix (key pages and searches, scripts/loadtest.lua) with a second
# wrk on 200 product pages, for PUBLISH_DURATION seconds without, then with an editor publishing a
# product every 5 s (other products than the 200). summary_field FILE FIELD: a line of loadtest.lua's summary.
summary_field() { sed -n "s/^  $2 *//p" "$1"; }
publish_round() { # publish_round NAME PUBLISH(0/1)
    local pub_pid=""
    if [ "$2" = 1 ]; then
        "$PY" manage.py publish_during_benchmark --interval 5 --duration "$PUBLISH_DURATION" \
            </dev/null >"$WORK/publish.txt" 2>&1 &
        pub_pid=$!
    fi
    wrk -t1 -c4 -d"${PUBLISH_DURATION}s" --timeout 10s "${HDR[@]}" -s scripts/loadtest.lua "$BASE" \
        -- "$WORK/productpaden.txt" "$WORK/productpaden.txt" >"$WORK/wrk-pub-$1-products.txt" 2>&1 &
    local products_pid=$!
    wrk -t2 -c"$CONNECTIONS" -d"${PUBLISH_DURATION}s" --timeout 10s "${HDR[@]}" -s scripts/loadtest.lua \
        "$BASE" -- "$WORK/urls.tsv" "$WORK/zoekpaden.txt" >"$WORK/wrk-pub-$1-mix.txt" 2>&1 || true
    wait "$products_pid" || true
    if [ -n "$pub_pid" ]; then wait "$pub_pid" || { cat "$WORK/publish.txt" >&2; exit 1; }; fi
}
run_publish() {
    redis-cli -n "$REDIS_DB" flushdb >/dev/null
    start_server 1
    say "publishing under load: priming every URL of the mix and the product pages"
    cut -f2 "$WORK/urls.tsv" | cat - "$WORK/zoekpaden.txt" "$WORK/productpaden.txt" |
        while read -r path; do curl -s -o /dev/null "${HDR[@]}" "$BASE$path"; done
    say "publishing under load: $PUBLISH_DURATION s without, then with a publish every 5 s"
    publish_round quiet 0
    publish_round publishing 1
    stop_server
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
run_mode cold 0
run_mode warm 1
run_publish
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "## Benchmark $(date '+%Y-%m-%d %H:%M')"
    echo
    echo "\`./scripts/benchmark.sh --products $PRODUCTS --duration $DURATION --connections $CONNECTIONS\`:"
    echo "$LIVE live products (demo content + $PRODUCTS bulk, generated in ${GEN_SECONDS} s);"
    echo "gunicorn 2 sync workers, production settings, PostgreSQL, Redis; wrk -t2 -c$CONNECTIONS"
    echo "-d${DURATION}s per page; $(nproc) cores, load average before $LOAD_BEFORE, after $LOAD_AFTER."
    echo
    echo "| page | cold rps | p50 ms | p99 ms | ceiling rps | cold / ceiling | warm rps | p50 ms | p99 ms | ceiling rps | warm / ceiling | one at a time, cold: median / p95 ms | warm: median / p95 ms |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    while IFS=$'\t' read -r name path; do
        read -r c_rps c_p50 c_p99 c_err <<<"${RESULT[cold,$name]}"
        read -r w_rps w_p50 w_p99 w_err <<<"${RESULT[warm,$name]}"
        read -r cc_rps _rest <<<"${RESULT[cold,plafond,$name]}"
        read -r wc_rps _rest <<<"${RESULT[warm,plafond,$name]}"
        c_ratio=$(awk -v a="$c_rps" -v b="$cc_rps" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "-" }')
        w_ratio=$(awk -v a="$w_rps" -v b="$wc_rps" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }')
        flag=""
        if [ "${c_err:-0}" != 0 ] || [ "${w_err:-0}" != 0 ]; then
            flag=" (non-2xx: cold $c_err, warm $w_err)"
        fi
        read -r cm_med cm_p95 <<<"${RESULT[cold,mediaan,$name]}"
        read -r wm_med wm_p95 <<<"${RESULT[warm,mediaan,$name]}"
        echo "| $name \`$path\`$flag | $c_rps | $c_p50 | $c_p99 | $cc_rps | $c_ratio | $w_rps | $w_p50 | $w_p99 | $wc_rps | $w_ratio | $cm_med / $cm_p95 | $wm_med / $wm_p95 |"
    done <"$WORK/urls.tsv"
    echo
    read -r z50 z95 z99 zn zerr <<<"$ZOEK"
    echo "Search, cold, one request at a time over $(wc -l <"$WORK/zoekpaden.txt") Dutch queries ($zn requests, $zerr non-2xx):"
    echo "p50 $z50 ms, **p95 $z95 ms**, p99 $z99 ms."
    echo
    echo "Revisit with If-None-Match: HTTP $REVISIT. Hashed static file: Cache-Control: $STATIC_CC."
    echo
    echo "Memory (RSS) of each gunicorn worker after its run: cold ${RSS[cold]// / and } MB, warm ${RSS[warm]// / and } MB."
    echo
    q_rps=$(summary_field "$WORK/wrk-pub-quiet-mix.txt" throughput | cut -d' ' -f1)
    p_rps=$(summary_field "$WORK/wrk-pub-publishing-mix.txt" throughput | cut -d' ' -f1)
    echo "Publishing under load ($PUBLISH_DURATION s each, warm, mix at -c$CONNECTIONS plus 200 product pages at -c4;"
    echo "$(tail -n 1 "$WORK/publish.txt") in the second run):"
    echo
    echo "| run | mix rps | mix latency | mix page cache | product pages: page cache |"
    echo "| --- | ---: | --- | --- | --- |"
    for round in quiet publishing; do
        echo "| $round | $(summary_field "$WORK/wrk-pub-$round-mix.txt" throughput | cut -d' ' -f1) | $(summary_field "$WORK/wrk-pub-$round-mix.txt" latency) | $(summary_field "$WORK/wrk-pub-$round-mix.txt" 'page cache') | $(summary_field "$WORK/wrk-pub-$round-products.txt" 'page cache') |"
    done
    echo
    echo "Throughput with a publish every 5 s: $(awk -v a="$p_rps" -v b="$q_rps" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }') of the run without."
    echo
    echo '```'
    cat "$WORK/queries.txt"
    echo '```'
} | tee "$OUT"

# The admin: a regional editor's views, one request at a time, in process (benchmark_admin.py).
say "admin: explorer, edit view, chooser and search of a regional editor"
{
    echo
    echo "### Admin"
    echo
    "$PY" scripts/benchmark_admin.py </dev/null || echo "(benchmark_admin.py failed: see its output above)"
} | tee -a "$OUT"
say "written to $OUT"
