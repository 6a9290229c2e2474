#!/usr/bin/env bash
# Install what the browser tests (tests/browser) need: Debian's Chromium at /usr/bin/chromium
# and two font families, so that pages render (and screenshots look) the same everywhere.
#
#   ./scripts/install-browser.sh     # quiet, and a no-op, when everything is there
#
# Playwright drives that Chromium (executable_path=/usr/bin/chromium): it never downloads a
# browser of its own. Installing needs root (or sudo) and Debian's package archive.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-dejavu-core fonts-liberation)

say() { echo "install-browser: $*" >&2; }

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ] && [ -x "$CHROMIUM" ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    say "missing: ${missing[*]:-$CHROMIUM}; this is not a Debian-like system (no apt-get)."
    say "Install Chromium so that $CHROMIUM exists, then run the browser tests again."
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    as_root() { "$@"; }
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root() { sudo -n "$@"; }
else
    say "missing: ${missing[*]:-$CHROMIUM}; installing needs root. Run as root:"
    say "  apt-get update && apt-get install -y ${PACKAGES[*]}"
    exit 1
fi

[ ${#missing[@]} -gt 0 ] || missing=(chromium)
say "installing ${missing[*]} with apt-get"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
if [ ! -x "$CHROMIUM" ]; then
    say "apt-get installed chromium, but $CHROMIUM is still missing"
    exit 1
fi
say "ready: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
