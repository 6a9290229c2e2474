#!/usr/bin/env bash
# Quick start: set everything up and serve the portal at http://127.0.0.1:8000
#
#   ./scripts/start.sh              # environment, database, demo content, admin account, serve
#   ./scripts/start.sh --no-serve   # everything but serving (used by CI's smoke test)
#   ./scripts/start.sh --port 8080  # serve on another port (or PORT=8080)
#
# Safe to run again: migrations, demo content and the admin account are brought up to date.
# Database: DATABASE_URL, default the SQLite file db.sqlite3 in the project folder.
# Admin account: user $ADMIN_USERNAME (default admin), password $ADMIN_PASSWORD or one
# generated on the first run and kept in var/admin-password (git-ignored). Demo accounts, one
# per role: passwords in var/demo-accounts.txt (mode 600). The output of every step goes to
# var/start.log; the screen shows one short block. SITE_URL: default http://127.0.0.1:PORT.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

SERVE=1
PORT=${PORT:-8000}
while [ $# -gt 0 ]; do
    case "$1" in
    --no-serve) SERVE=0 ;;
    --port)
        PORT=${2:?--port needs a number}
        shift
        ;;
    --port=*) PORT=${1#--port=} ;;
    -h | --help)
        sed -n '2,13p' "$0"
        exit 0
        ;;
    *)
        echo "start: unknown option $1 (try --help)" >&2
        exit 2
        ;;
    esac
    shift
done

say() { echo "start: $*" >&2; }

mkdir -p "$ROOT/var"
LOG=$ROOT/var/start.log
: >"$LOG"
# Run one step with its output in var/start.log; on failure show the end of the log and stop.
step() {
    local label=$1
    shift
    echo "=== $label" >>"$LOG"
    if ! "$@" >>"$LOG" 2>&1; then
        say "$label failed; the end of var/start.log:"
        tail -n 40 "$LOG" >&2
        exit 1
    fi
}

say "setting up (details in var/start.log)"
step "environment (./scripts/bootstrap.sh)" ./scripts/bootstrap.sh
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python
export DJANGO_SETTINGS_MODULE=portal.settings.dev
export PYTHONDONTWRITEBYTECODE=1
# The public base URL of this local site: canonical links, feeds, API and citations.
export SITE_URL=${SITE_URL:-http://127.0.0.1:$PORT}
echo "database: ${DATABASE_URL:-sqlite:///$ROOT/db.sqlite3 (default)}" >>"$LOG"

echo "=== migrations" >>"$LOG"
if ! "$PY" manage.py migrate --noinput -v 1 >>"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    if grep -q "InconsistentMigrationHistory" "$LOG"; then
        say "this database was made by an older checkout, before the migrations were rebuilt"
        say "(see README, Architecture). Demo databases can go: rm db.sqlite3, then run me again."
    fi
    exit 1
fi
step "site address ($SITE_URL)" "$PY" manage.py zet_site_url
step "demo content and roles" "$PY" manage.py load_demo_content --demo-accounts var/demo-accounts.txt
# A database indexed before Dutch stemming (portal/basis/dutch_search.py) is indexed once more.
if [ ! -f "$ROOT/var/zoekindex-nl" ]; then
    step "search index" "$PY" manage.py update_index
    touch "$ROOT/var/zoekindex-nl"
fi

# --- Local admin account --------------------------------------------------------------
ADMIN_USERNAME=${ADMIN_USERNAME:-admin}
PASSWORD_FILE=$ROOT/var/admin-password
if [ -n "${ADMIN_PASSWORD:-}" ]; then
    password=$ADMIN_PASSWORD
    password_source="from \$ADMIN_PASSWORD"
elif [ -s "$PASSWORD_FILE" ]; then
    password=$(head -n 1 "$PASSWORD_FILE")
    password_source="kept in var/admin-password"
else
    password=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')
    password_source="generated, kept in var/admin-password"
fi
# Keep it so that later runs (without $ADMIN_PASSWORD) use the same password.
(umask 077 && printf '%s\n' "$password" >"$PASSWORD_FILE")

admin_account() {
    WSD_ADMIN_USERNAME=$ADMIN_USERNAME WSD_ADMIN_PASSWORD=$password "$PY" - <<'PY'
import os

import django

django.setup()
from django.contrib.auth import get_user_model  # noqa: E402

User = get_user_model()
username = os.environ["WSD_ADMIN_USERNAME"]
user, created = User.objects.get_or_create(
    **{User.USERNAME_FIELD: username}, defaults={"email": f"{username}@localhost"}
)
user.is_active = user.is_staff = user.is_superuser = True
user.set_password(os.environ["WSD_ADMIN_PASSWORD"])
user.save()
print(f"start: admin account '{username}' {'created' if created else 'updated'}")
PY
}
step "admin account" admin_account

# --- Static files ----------------------------------------------------------------------
# With DEBUG on (the default of the dev settings) static files are served straight from the
# apps and static/; without it they must be collected first.
if [ "$("$PY" -c 'import django; django.setup(); from django.conf import settings; print(settings.DEBUG)' 2>>"$LOG")" != True ]; then
    step "static files (DEBUG is off)" "$PY" manage.py collectstatic --noinput -v 0
fi

if [ -s "$ROOT/var/demo-accounts.txt" ]; then
    demo_accounts="$(grep -v '^#' "$ROOT/var/demo-accounts.txt" | awk '{print $1}' | paste -sd ' ')"
    demo_line="    Demo:      $demo_accounts
               (one per role; passwords in var/demo-accounts.txt)"
else
    demo_line="    Demo:      none (demo accounts are made only with DEBUG on)"
fi

cat <<MSG

  Werkplaatsen Sociaal Domein is ready.

    Site:      $SITE_URL/
    Admin:     $SITE_URL/admin/
    Username:  $ADMIN_USERNAME
    Password:  $password   ($password_source)
$demo_line
    Details:   var/start.log

MSG

if [ $SERVE = 0 ]; then
    exit 0
fi
say "serving on http://127.0.0.1:$PORT/ (Ctrl-C stops)"
exec "$PY" manage.py runserver "127.0.0.1:$PORT"
