#!/usr/bin/env bash
# Restore a backup made by ./scripts/backup.sh into an EMPTY database and media folder.
#
#   DATABASE_URL=postgres://.../new_db MEDIA_ROOT=/srv/wsd/media ./scripts/restore.sh /backups/2026-11-25
#
# Refuses to write into a database that already has tables, so nothing is overwritten.
set -euo pipefail

DIR=${1:?"usage: $0 DIRECTORY"}
: "${DATABASE_URL:?DATABASE_URL must point at the (empty) PostgreSQL database to restore into}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MEDIA=${MEDIA_ROOT:-$ROOT/media}

[ -f "$DIR/database.dump" ] || { echo "restore: $DIR/database.dump not found" >&2; exit 2; }
tables=$(psql -X -A -t -w --dbname="$DATABASE_URL" -c \
    "select count(*) from information_schema.tables where table_schema = 'public'")
if [ "$tables" != "0" ]; then
    echo "restore: the target database already has $tables tables; restore into an empty database" >&2
    exit 3
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$DIR/database.dump"
mkdir -p "$MEDIA"
if [ -f "$DIR/media.tar.gz" ]; then
    tar -xzf "$DIR/media.tar.gz" -C "$MEDIA"
fi
echo "restore: database and media restored from $DIR"
