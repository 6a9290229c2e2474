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
# generated on the first run and kept in var/admin-password (git-ignored).
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
        sed -n '2,11p' "$0"
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

./scripts/bootstrap.sh
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python
export DJANGO_SETTINGS_MODULE=portal.settings.dev
export PYTHONDONTWRITEBYTECODE=1

say "database: ${DATABASE_URL:-sqlite:///$ROOT/db.sqlite3 (default)}"
say "applying migrations"
mkdir -p "$ROOT/var"
if ! "$PY" manage.py migrate --noinput -v 0 2>"$ROOT/var/migrate.log"; then
    cat "$ROOT/var/migrate.log" >&2
    if grep -q "InconsistentMigrationHistory" "$ROOT/var/migrate.log"; then
        say "this database was made by an older checkout, before the migrations were rebuilt"
        say "(see README, Architecture). Demo databases can go: rm db.sqlite3, then run me again."
    fi
    exit 1
fi

say "loading demo content"
"$PY" manage.py load_demo_content

# --- Local admin account --------------------------------------------------------------
ADMIN_USERNAME=${ADMIN_USERNAME:-admin}
PASSWORD_FILE=$ROOT/var/admin-password
mkdir -p "$ROOT/var"
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

# --- Static files ----------------------------------------------------------------------
# With DEBUG on (the default of the dev settings) static files are served straight from the
# apps and static/; without it they must be collected first.
if [ "$("$PY" -c 'import django; django.setup(); from django.conf import settings; print(settings.DEBUG)')" != True ]; then
    say "DEBUG is off: collecting static files"
    "$PY" manage.py collectstatic --noinput -v 0
fi

cat <<MSG

  Werkplaatsen Sociaal Domein is ready.

    Site:      http://127.0.0.1:$PORT/
    Admin:     http://127.0.0.1:$PORT/admin/
    Username:  $ADMIN_USERNAME
    Password:  $password   ($password_source)

MSG

if [ $SERVE = 0 ]; then
    say "set-up done (--no-serve); serve with ./scripts/start.sh"
    exit 0
fi
say "serving on http://127.0.0.1:$PORT/ (Ctrl-C stops)"
exec "$PY" manage.py runserver "127.0.0.1:$PORT"
