#!/usr/bin/env bash
# A Redis server on 127.0.0.1:6379 for the page cache, the two-process test and the benchmark.
#
#   ./scripts/redis.sh start   # make sure Redis answers (installs redis-server if absent)
#
# Keeps nothing on disk (--save "" --appendonly no): it is a cache. Messages go to standard
# error; exit status 0 once `PING` answers.
set -euo pipefail

REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}

say() { echo "redis: $*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

answers() {
    command -v redis-cli >/dev/null 2>&1 &&
        [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
}

start_server() {
    if answers; then
        return 0
    fi
    if ! command -v redis-server >/dev/null 2>&1; then
        say "redis-server is not installed: apt-get install redis-server"
        export DEBIAN_FRONTEND=noninteractive
        as_root apt-get update -q >&2
        as_root apt-get install -y -q redis-server >&2
    fi
    say "starting redis-server on $REDIS_HOST:$REDIS_PORT"
    local dir=${TMPDIR:-/tmp}/wsd-redis
    mkdir -p "$dir"
    redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save "" \
        --appendonly no --dir "$dir" --logfile "$dir/redis.log" >&2
    local _
    for _ in $(seq 1 50); do
        if answers; then
            say "Redis answers on $REDIS_HOST:$REDIS_PORT"
            return 0
        fi
        sleep 0.2
    done
    say "Redis does not answer on $REDIS_HOST:$REDIS_PORT; see $dir/redis.log"
    exit 1
}

case "${1:-start}" in
start) start_server ;;
*)
    sed -n '2,7p' "$0" >&2
    exit 2
    ;;
esac
