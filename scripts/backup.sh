#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump custom format) and the media files.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/srv/wsd/media ./scripts/backup.sh /backups/2026-11-25
#
# Writes DIR/database.dump and DIR/media.tar.gz. Restore with ./scripts/restore.sh DIR.
set -euo pipefail

DIR=${1:?"usage: $0 DIRECTORY"}
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to back up}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MEDIA=${MEDIA_ROOT:-$ROOT/media}

case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "backup: only PostgreSQL databases are backed up this way (got ${DATABASE_URL%%:*})" >&2; exit 2 ;;
esac

mkdir -p "$DIR"
pg_dump --format=custom --no-owner --no-privileges --file="$DIR/database.dump" --dbname="$DATABASE_URL"
if [ -d "$MEDIA" ]; then
    tar -czf "$DIR/media.tar.gz" -C "$MEDIA" .
else
    tar -czf "$DIR/media.tar.gz" --files-from /dev/null
fi
echo "backup: $DIR/database.dump ($(du -h "$DIR/database.dump" | cut -f1)), $DIR/media.tar.gz ($(du -h "$DIR/media.tar.gz" | cut -f1))"
