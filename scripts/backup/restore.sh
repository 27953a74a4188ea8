#!/usr/bin/env bash
# Prepares a new data directory from a base backup plus archived WAL, for point-in-time
# recovery. It does not start the server: it prints the command that does.
#
#   scripts/backup/restore.sh --base BACKUP --wal-archive DIR --data NEW_DATA_DIR \
#       (--target-name NAME | --target-time 'YYYY-MM-DD HH:MM:SS+00' | --target-latest) \
#       [--owner postgres] [--keep-archiving]
#
# BACKUP is one base-* directory written by backup.sh (or "latest": the newest one in the
# parent directory given as BACKUP/..., see docs/operations.md). NEW_DATA_DIR must not exist
# or be empty: a restore never writes over a data directory.
#
# The copy replays WAL from the archive (restore_command) up to the target, then promotes
# itself to a normal read-write server on a new timeline. A target that the WAL never
# reaches (a misspelt restore point, a time after the last archived segment) stops the
# server with "recovery ended before configured recovery target was reached" rather than
# opening a copy that is silently older than asked.
#
# Archiving is switched off in the copy unless --keep-archiving: a copy made to inspect or
# to test must not write its new timeline into production's archive. Use --keep-archiving
# when the copy replaces the lost primary.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/pg_verifybackup" ] || PG_BIN=$(dirname "$(command -v pg_verifybackup)")

usage() {
  sed -n '5,7p' "$0" >&2
  exit 2
}
base="" archive="" data="" target="" owner="" keep_archiving=0
while [ $# -gt 0 ]; do
  case $1 in
    --base) base=${2:?}; shift 2 ;;
    --wal-archive) archive=${2:?}; shift 2 ;;
    --data) data=${2:?}; shift 2 ;;
    --target-name) target="recovery_target_name = '${2:?}'"; shift 2 ;;
    --target-time) target="recovery_target_time = '${2:?}'"; shift 2 ;;
    --target-latest) target="# no recovery target: replay all archived WAL"; shift ;;
    --owner) owner=${2:?}; shift 2 ;;
    --keep-archiving) keep_archiving=1; shift ;;
    *) usage ;;
  esac
done
[ -n "$base" ] && [ -n "$archive" ] && [ -n "$data" ] && [ -n "$target" ] || usage
case $target in *"'"*"'"*"'"*) echo "restore.sh: quote in the target" >&2; exit 2 ;; esac

if [ "$(basename "$base")" = latest ]; then
  parent=$(dirname "$base")
  newest=$(find "$parent" -maxdepth 1 -type d -name 'base-*' ! -name '*.partial' -printf '%f\n' | sort | tail -n 1)
  [ -n "$newest" ] || { echo "restore.sh: no base backup in $parent" >&2; exit 1; }
  base="$parent/$newest"
fi
[ -f "$base/backup_manifest" ] || { echo "restore.sh: $base is not a backup.sh backup" >&2; exit 1; }
[ -d "$archive" ] || { echo "restore.sh: no WAL archive at $archive" >&2; exit 1; }
if [ -e "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "restore.sh: $data is not empty; refusing to overwrite a data directory" >&2
  exit 1
fi
archive=$(cd "$archive" && pwd)

# A damaged backup is found now, not halfway through recovery.
"$PG_BIN/pg_verifybackup" --quiet "$base"
echo "restore.sh: $base verified against its manifest"

mkdir -p "$data"
cp -a "$base/." "$data/"
# The manifest describes the backup, not the new server's files.
rm -f "$data/backup_manifest"

{
  echo ""
  echo "# Written by scripts/backup/restore.sh on $(date -u +%FT%TZ) from $(basename "$base")"
  echo "restore_command = 'cp \"$archive/%f\" \"%p\"'"
  echo "$target"
  echo "recovery_target_action = 'promote'"
  if [ "$keep_archiving" = 0 ]; then
    echo "archive_mode = off"
  fi
} >>"$data/postgresql.auto.conf"
touch "$data/recovery.signal"
chmod 700 "$data"
if [ -n "$owner" ]; then chown -R "$owner:" "$data"; fi

echo "restore.sh: $data is ready. Start it (as the server's user) with:"
echo "  $PG_BIN/pg_ctl -D $data -l $data/restore.log -o '-p PORT' start"
echo "then wait until SELECT pg_is_in_recovery() is false, and verify (docs/operations.md)."
