#!/usr/bin/env bash
# Run every check the project has: lint, formatting, migrations, Django's system checks and
# the test suite. Extra arguments go to pytest:  ./scripts/test.sh -k kennisbank -x
#
# Runs on whatever DATABASE_URL is set; without one, on SQLite in memory (never on the
# db.sqlite3 of ./scripts/start.sh). For PostgreSQL:
#   DATABASE_URL=$(./scripts/postgres.sh create) ./scripts/test.sh
# Exits non-zero when any step fails (all steps run, so one run shows every problem).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1

./scripts/bootstrap.sh || exit 1
VENV=${VENV:-$ROOT/.venv}
export PATH="$VENV/bin:$PATH"
export DATABASE_URL=${DATABASE_URL:-sqlite:///:memory:}
export DJANGO_SETTINGS_MODULE=portal.settings.test
export PYTHONDONTWRITEBYTECODE=1

failed=()
step() {
    local label=$1
    shift
    echo
    echo "==> $label"
    local start=$SECONDS rc=0
    "$@" || rc=$?
    if [ $rc -ne 0 ]; then
        echo "==> FAILED: $label (exit $rc, $((SECONDS - start))s)"
        failed+=("$label")
    else
        echo "==> ok: $label ($((SECONDS - start))s)"
    fi
    return 0
}

run_pytest() {
    local rc=0
    python -m pytest "$@" || rc=$?
    if [ $rc -eq 5 ]; then
        echo "pytest collected no tests: that counts as a failure."
    fi
    return $rc
}

db_engine=${DATABASE_URL%%:*}
echo "test: Python $(python -c 'import platform; print(platform.python_version())'), database ${db_engine}"

step "ruff check ." ruff check .
step "ruff format --check ." ruff format --check .
step "makemigrations --check" python manage.py makemigrations --check --dry-run
step "manage.py check" python manage.py check
step "pytest" run_pytest "$@"

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "test: FAILED: ${failed[*]}"
    exit 1
fi
echo "test: all checks passed"
