#!/usr/bin/env bash
# Find a Python >= 3.12 for this project (Django 6.1 needs it).
#
# Run it to print the interpreter's path:   ./scripts/find-python.sh
# or source it and call the function:       . scripts/find-python.sh; PY=$(find_python)
#
# Order of preference:
#   1. $PYTHON, if set (it must be >= 3.12, or this fails);
#   2. the pyenv version named in .python-version (~/.pyenv/versions/<version>/bin/python);
#   3. python3.13, python3.12 and python3 on PATH;
#   4. any ~/.pyenv/versions/3.1[2-9]* (newest first) and /usr/bin/python3.1x, /usr/local/bin/python3.1x.
# The first candidate that runs and reports version >= 3.12 wins; the real executable
# (not a pyenv shim) is printed.

_fp_min_major=3
_fp_min_minor=12

# Print the real executable of candidate $1 if it runs and is new enough; fail otherwise.
_fp_check() {
    local candidate=$1 resolved
    [ -n "$candidate" ] || return 1
    if [[ $candidate == */* ]]; then
        [ -x "$candidate" ] || return 1
    else
        command -v "$candidate" >/dev/null 2>&1 || return 1
    fi
    resolved=$("$candidate" -c "
import sys
if sys.version_info >= ($_fp_min_major, $_fp_min_minor):
    print(sys.executable)
else:
    sys.exit(1)
" 2>/dev/null) || return 1
    [ -n "$resolved" ] && [ -x "$resolved" ] || return 1
    printf '%s\n' "$resolved"
}

find_python() {
    local root candidate version pyenv_root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}

    if [ -n "${PYTHON:-}" ]; then
        if _fp_check "$PYTHON"; then
            return 0
        fi
        # A bare name such as python3.13 may be a pyenv shim for a version not selected here.
        if [[ $PYTHON != */* ]]; then
            for candidate in $(printf '%s\n' "$pyenv_root"/versions/*/bin/"$PYTHON" | sort -V -r); do
                _fp_check "$candidate" && return 0
            done
        fi
        echo "find-python: \$PYTHON=$PYTHON is not a working Python >= $_fp_min_major.$_fp_min_minor." >&2
        return 1
    fi

    local candidates=()
    if [ -f "$root/.python-version" ]; then
        while read -r version; do
            version=${version%%#*}
            version=${version//[[:space:]]/}
            [ -n "$version" ] && candidates+=("$pyenv_root/versions/$version/bin/python")
        done <"$root/.python-version"
    fi
    candidates+=(python3.13 python3.12 python3)
    local globbed=()
    shopt -s nullglob
    globbed+=("$pyenv_root"/versions/3.1[2-9]*/bin/python)
    globbed+=(/usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9])
    shopt -u nullglob
    if [ ${#globbed[@]} -gt 0 ]; then
        # Newest version first.
        while IFS= read -r candidate; do
            candidates+=("$candidate")
        done < <(printf '%s\n' "${globbed[@]}" | sort -V -r)
    fi

    for candidate in "${candidates[@]}"; do
        if _fp_check "$candidate"; then
            return 0
        fi
    done

    cat >&2 <<MSG
find-python: no Python >= $_fp_min_major.$_fp_min_minor found (Django 6.1 needs it).
  Looked at: \$PYTHON, .python-version via pyenv, python3.13/python3.12/python3 on PATH,
             $pyenv_root/versions/3.1[2-9]*, /usr/bin/python3.1x, /usr/local/bin/python3.1x.
  Fix: install Python 3.12 or newer (e.g. 'pyenv install 3.12' or your OS package
       python3.12 with its venv module), or point PYTHON=/path/to/python3.12 at one.
MSG
    return 1
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    find_python
fi
