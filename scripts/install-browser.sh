#!/usr/bin/env bash
# Install what the browser tests (tests/browser) need:
#   - Debian's Chromium at /usr/bin/chromium and two font families, so that pages render (and
#     screenshots look) the same everywhere;
#   - Node.js and npm (Debian's, when `node`/`npm` are missing), then `npm ci` of package.json
#     and package-lock.json into node_modules/ (git-ignored): the pinned axe-core that
#     test_axe.py injects, and the W3C Nu HTML checker (vnu.jar) that test_html.py runs;
#   - a Java runtime for vnu.jar (Debian's default-jre-headless, when `java` is missing).
#
#   ./scripts/install-browser.sh     # quiet, and a no-op, when everything is there
#
# Playwright drives that Chromium (executable_path=/usr/bin/chromium): it never downloads a
# browser of its own. npm runs no install scripts (vnu-jar's would download a Java runtime).
# Installing Debian packages needs root (or sudo) and Debian's package archive.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-dejavu-core fonts-liberation)
# command: the Debian package that provides it
declare -A COMMANDS=([node]=nodejs [npm]=npm [java]=default-jre-headless)
STAMP=$ROOT/node_modules/.installed-package-lock.json

say() { echo "install-browser: $*" >&2; }

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ -x "$CHROMIUM" ] || [[ " ${missing[*]} " == *" chromium "* ]] || missing+=(chromium)
for command in node npm java; do
    command -v "$command" >/dev/null 2>&1 || missing+=("${COMMANDS[$command]}")
done

if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        say "missing: ${missing[*]}; this is not a Debian-like system (no apt-get)."
        say "Install Chromium (at $CHROMIUM), Node.js with npm and Java, then run this again."
        exit 1
    fi
    if [ "$(id -u)" = 0 ]; then
        as_root() { "$@"; }
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root() { sudo -n "$@"; }
    else
        say "missing: ${missing[*]}; installing needs root. Run as root:"
        say "  apt-get update && apt-get install -y ${missing[*]}"
        exit 1
    fi
    say "installing ${missing[*]} with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    if [ ! -x "$CHROMIUM" ]; then
        say "apt-get installed chromium, but $CHROMIUM is still missing"
        exit 1
    fi
    say "ready: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
fi

# The npm packages, again whenever package-lock.json changed since the last install.
if ! cmp -s "$ROOT/package-lock.json" "$STAMP"; then
    say "npm ci (axe-core, vnu-jar) into $ROOT/node_modules"
    (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
    cp "$ROOT/package-lock.json" "$STAMP"
fi
