#!/usr/bin/env bash
# Varnish (Debian's) in front of an app server, with scripts/varnish/portal.vcl.
#
#   ./scripts/varnish.sh install                          # only install Debian's varnish
#   ./scripts/varnish.sh start [--port 6081] [--backend-port 8000]
#   ./scripts/varnish.sh status [--port 6081]
#   ./scripts/varnish.sh stop [--port 6081]
#
# Listens on 127.0.0.1 only; one instance per port, each with its own work dir (varnishd -n:
# /tmp/wsd-varnish-<port>, under $TMPDIR when not root, removed by `stop`), so several can run.
# `start` prints the URL to set as VARNISH_URL for the app servers (they ban and purge there).
# Installing needs root or sudo, and Debian's package archive. Messages go to stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=6081
BACKEND_PORT=8000
STORAGE=${VARNISH_STORAGE:-malloc,256m}

say() { echo "varnish: $*" >&2; }

usage() {
    sed -n '2,12p' "$0" >&2
    exit 2
}

install_varnish() {
    if command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "varnishd is missing and this is not a Debian-like system (no apt-get): install Varnish yourself."
        exit 1
    fi
    local as_root
    if [ "$(id -u)" = 0 ]; then
        as_root=(env)
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root=(sudo -n env)
    else
        say "varnishd is missing; installing it needs root. Run as root:"
        say "  apt-get update && apt-get install -y varnish"
        exit 1
    fi
    say "installing Debian's varnish (apt-get install varnish)"
    "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >&2
    say "installed: $(varnishd_bin -V 2>&1 | head -n 1)"
}

varnishd_bin() {
    if command -v varnishd >/dev/null 2>&1; then varnishd "$@"; else /usr/sbin/varnishd "$@"; fi
}

# As root, varnishd reads its files as the unprivileged user varnish: /tmp, not a private TMPDIR.
work_dir() {
    if [ "$(id -u)" = 0 ]; then echo "/tmp/wsd-varnish-$PORT"; else echo "${TMPDIR:-/tmp}/wsd-varnish-$PORT"; fi
}

running_pid() {
    local pidfile
    pidfile="$(work_dir)/varnishd.pid"
    [ -s "$pidfile" ] || return 1
    local pid
    pid=$(cat "$pidfile")
    kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

answers() {
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/robots.txt" 2>/dev/null ||
        (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

start() {
    install_varnish
    if running_pid >/dev/null; then
        say "already running on http://127.0.0.1:$PORT/"
        echo "http://127.0.0.1:$PORT"
        return 0
    fi
    local dir
    dir=$(work_dir)
    mkdir -p "$dir"
    # The VCL with this backend's port.
    sed -E "s/^(\s*\.port = )\"[0-9]+\";/\1\"$BACKEND_PORT\";/" "$ROOT/scripts/varnish/portal.vcl" \
        >"$dir/portal.vcl"
    say "starting varnishd on 127.0.0.1:$PORT in front of 127.0.0.1:$BACKEND_PORT (work dir $dir)"
    if ! varnishd_bin -a "127.0.0.1:$PORT" -T 127.0.0.1:0 -f "$dir/portal.vcl" -n "$dir/n" \
        -P "$dir/varnishd.pid" -s "$STORAGE" >&2; then
        say "varnishd did not start (see above)"
        exit 1
    fi
    local _
    for _ in $(seq 1 50); do
        if running_pid >/dev/null && answers; then
            say "running on http://127.0.0.1:$PORT/ (VARNISH_URL=http://127.0.0.1:$PORT)"
            echo "http://127.0.0.1:$PORT"
            return 0
        fi
        sleep 0.1
    done
    say "varnishd did not answer on 127.0.0.1:$PORT"
    exit 1
}

stop() {
    local pid
    if ! pid=$(running_pid); then
        say "not running on port $PORT"
        return 0
    fi
    kill "$pid"
    local _
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    rm -rf "$(work_dir)"
    say "stopped (port $PORT)"
}

status() {
    local pid
    if pid=$(running_pid); then
        say "running on http://127.0.0.1:$PORT/ (pid $pid)"
        return 0
    fi
    say "not running on port $PORT"
    return 3
}

COMMAND=${1:-}
[ -n "$COMMAND" ] || usage
shift
while [ $# -gt 0 ]; do
    case "$1" in
    --port) PORT=$2; shift 2 ;;
    --backend-port) BACKEND_PORT=$2; shift 2 ;;
    *) usage ;;
    esac
done
case "$COMMAND" in
install) install_varnish ;;
start) start ;;
stop) stop ;;
status) status ;;
*) usage ;;
esac
