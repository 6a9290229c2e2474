#!/usr/bin/env bash
# Run every check the project has: lint, formatting, assertions that cannot fail, migrations,
# Django's system checks and the test suite, browser tests included (what CI runs). Extra
# arguments go to pytest:
#   ./scripts/test.sh -k kennisbank -x
#   ./scripts/test.sh -m "not browser"     # without the browser tests (tests/browser)
#   ./scripts/test.sh tests/kennisbank      # one app's tests
#
# --quick (first argument): the same checks, but only the tests marked neither slow nor browser,
# always on SQLite in memory; a couple of minutes, for while you work:
#   ./scripts/test.sh --quick
#   ./scripts/test.sh --quick tests/site -x
#
# The tests run in parallel (pytest-xdist), in as many worker processes as the machine has CPUs;
# TEST_WORKERS sets another number (TEST_WORKERS=0: in this one process, one test after another):
#   TEST_WORKERS=4 ./scripts/test.sh
#   TEST_WORKERS=0 ./scripts/test.sh tests/site/test_roles.py
# Tests that share something costly built once per process (the browser tests' served site, a
# module's demo content, a TestCase's setUpTestData) run in one worker: tests/conftest.py.
#
# Runs on whatever DATABASE_URL is set; without one, on SQLite in memory (never on the
# db.sqlite3 of ./scripts/start.sh). For PostgreSQL:
#   DATABASE_URL=$(./scripts/postgres.sh create) ./scripts/test.sh
# Exits non-zero when any step fails (all steps run, so one run shows every problem).
set -uo pipefail

QUICK=0
if [ "${1:-}" = "--quick" ]; then
    QUICK=1
    shift
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1

./scripts/bootstrap.sh || exit 1
VENV=${VENV:-$ROOT/.venv}
export PATH="$VENV/bin:$PATH"
if [ $QUICK -eq 1 ]; then
    export DATABASE_URL=sqlite:///:memory:
else
    export DATABASE_URL=${DATABASE_URL:-sqlite:///:memory:}
fi
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
    python -m pytest -n "$TEST_WORKERS" --dist loadgroup "$@" || rc=$?
    if [ $rc -eq 5 ]; then
        echo "pytest collected no tests: that counts as a failure."
    fi
    return $rc
}

db_engine=${DATABASE_URL%%:*}
echo "test: Python $(python -c 'import platform; print(platform.python_version())'), database ${db_engine}"

if [ $QUICK -eq 1 ]; then
    echo "test: quick run: tests marked slow or browser are left out"
    set -- -m "not slow and not browser" "$@"
# The browser tests (tests/browser, marker "browser") drive Debian's Chromium, inject the pinned
# axe-core and run the Nu HTML checker (Java); install what is missing (quiet when present).
# Without it they skip locally and fail in CI.
elif ! ./scripts/install-browser.sh; then
    echo "test: Chromium, axe-core or Java is not available: the browser tests will skip (and fail with CI=true)"
fi
TEST_WORKERS=${TEST_WORKERS:-auto}
echo "test: pytest workers: $TEST_WORKERS (TEST_WORKERS; 0 runs the tests in one process)"
SCREENSHOTS_DIR=${SCREENSHOTS_DIR:-$ROOT/var/screenshots}
export SCREENSHOTS_DIR
RUN_STARTED=$(date +%s)

step "ruff check ." ruff check .
step "ruff format --check ." ruff format --check .
step "check_asserts.py" python scripts/check_asserts.py
step "lint-imports (layers, docs/architecture.md)" lint-imports --no-cache
step "makemigrations --check" python manage.py makemigrations --check --dry-run
step "manage.py check" python manage.py check
step "pytest" run_pytest "$@"

# Where the browser tests left their screenshots (and axe's report), if they ran.
if [ -d "$SCREENSHOTS_DIR" ] && [ -n "$(find "$SCREENSHOTS_DIR" -name '*.png' -newermt "@$RUN_STARTED" -print -quit)" ]; then
    echo
    echo "test: screenshots in $SCREENSHOTS_DIR ($(find "$SCREENSHOTS_DIR" -name '*.png' | wc -l) files)"
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "test: FAILED: ${failed[*]}"
    exit 1
fi
if [ $QUICK -eq 1 ]; then
    echo "test: all checks passed (quick run: slow and browser tests not run)"
    exit 0
fi
echo "test: all checks passed"
