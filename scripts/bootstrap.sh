#!/usr/bin/env bash
# Create or refresh .venv with a Python >= 3.12 and the locked dependencies.
#
#   ./scripts/bootstrap.sh          # quick no-op when nothing changed
#   ./scripts/bootstrap.sh --force  # reinstall anyway
#
# Installs `pip install -c requirements/constraints.txt -e ".[test]"`; pyproject.toml has
# `packages = []`, so only the dependencies are installed, the apps run from the checkout.
# A stamp file in .venv holds a hash of pyproject.toml, the lock and the Python version;
# when it matches, nothing is installed again.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VENV=${VENV:-$ROOT/.venv}
STAMP=$VENV/.bootstrap-stamp
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

say() { echo "bootstrap: $*" >&2; }

. scripts/find-python.sh

want_python() {
    # Wanted Python: the one find_python picks; the venv must have its major.minor.
    "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'
}

venv_ok=0
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    venv_ok=1
fi

if [ $venv_ok = 1 ] && [ -n "${PYTHON:-}" ]; then
    # An explicit $PYTHON of another minor version asks for a new venv.
    PY=$(find_python)
    if [ "$(want_python "$PY")" != "$(want_python "$VENV/bin/python")" ]; then
        say "\$PYTHON is $(want_python "$PY"), .venv has $(want_python "$VENV/bin/python"): recreating"
        venv_ok=0
    fi
fi

if [ $venv_ok = 0 ]; then
    PY=${PY:-$(find_python)}
    if [ -e "$VENV" ]; then
        say "removing unusable or outdated $VENV"
        rm -rf "$VENV"
    fi
    say "creating $VENV with $("$PY" --version 2>&1) ($PY)"
    "$PY" -m venv "$VENV"
fi

hash_inputs() {
    {
        cat pyproject.toml requirements/constraints.txt
        "$VENV/bin/python" -c 'import sys; print(sys.version)'
    } | sha256sum | cut -d' ' -f1
}

[ -f requirements/constraints.txt ] || {
    say "requirements/constraints.txt is missing: run ./scripts/lock.sh"
    exit 1
}

want=$(hash_inputs)
if [ $FORCE = 0 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
    say ".venv is up to date ($("$VENV/bin/python" --version))"
    exit 0
fi

say "installing dependencies from requirements/constraints.txt into ${VENV#"$ROOT"/}"
rm -f "$STAMP"
export PIP_DISABLE_PIP_VERSION_CHECK=1
# (The filter drops pip's notes about configured local package folders that do not exist.)
"$VENV/bin/python" -m pip install --quiet -c requirements/constraints.txt -e ".[test]" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
# Editable installs leave an *.egg-info folder behind; it is a build artefact.
rm -rf ./*.egg-info
echo "$want" >"$STAMP"
say "done ($("$VENV/bin/python" --version), $("$VENV/bin/python" -m pip freeze | wc -l) packages)"
