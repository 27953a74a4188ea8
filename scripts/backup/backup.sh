#!/usr/bin/env bash
# Takes one base backup of a running PostgreSQL server, verifies it, and prunes old ones.
#
#   scripts/backup/backup.sh BACKUP_DIR [--keep N] [--wal-archive DIR]
#
# Connects with the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass);
# the role needs REPLICATION (or superuser). Writes BACKUP_DIR/base-<UTC time>/, a plain
# copy of the data directory with its WAL (-X stream: restorable on its own, to the moment
# the backup ended) and backup_manifest (SHA-256 of every file), which pg_verifybackup
# checks before the backup counts. A backup still being written is named *.partial and is
# never picked by restore.sh or counted by --keep.
#
# --keep N        keep the newest N verified base backups, delete older ones;
# --wal-archive   with --keep: also delete archived WAL older than the oldest kept backup
#                 (pg_archivecleanup), so every kept backup can still be rolled forward.
#
# Prints one line for monitoring: backup=<dir> bytes=<n> seconds=<s>. docs/operations.md,
# "Backups and restore", says how often to run it and where BACKUP_DIR should live.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/pg_basebackup" ] || PG_BIN=$(dirname "$(command -v pg_basebackup)")

usage() {
  echo "usage: backup.sh BACKUP_DIR [--keep N] [--wal-archive DIR]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
dest=$1
shift
keep=""
wal_archive=""
while [ $# -gt 0 ]; do
  case $1 in
    --keep) keep=${2:?}; shift 2 ;;
    --wal-archive) wal_archive=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done

mkdir -p "$dest"
name="base-$(date -u +%Y%m%dT%H%M%SZ)"
partial="$dest/$name.partial"
[ ! -e "$dest/$name" ] && [ ! -e "$partial" ] || { echo "backup.sh: $dest/$name exists" >&2; exit 1; }
trap 'rm -rf "$partial"' EXIT

started=$(date +%s.%N)
# --checkpoint=fast: start now rather than after the next scheduled checkpoint.
"$PG_BIN/pg_basebackup" -D "$partial" -Fp -X stream --checkpoint=fast \
  --manifest-checksums=SHA256 --label="proxypay $name" --no-password
"$PG_BIN/pg_verifybackup" --quiet "$partial"
sync -f "$partial"
mv "$partial" "$dest/$name"
trap - EXIT
sync "$dest"
finished=$(date +%s.%N)

bytes=$(du -sb "$dest/$name" | cut -f1)
seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.2f", b - a }')
echo "backup=$dest/$name bytes=$bytes seconds=$seconds"

if [ -n "$keep" ]; then
  # Names sort by time; only finished (renamed) backups count.
  mapfile -t all < <(find "$dest" -maxdepth 1 -type d -name 'base-*' ! -name '*.partial' -printf '%f\n' | sort)
  drop=$(( ${#all[@]} - keep ))
  for (( i = 0; i < drop; i++ )); do
    echo "backup.sh: removing old backup ${all[i]}"
    rm -rf "${dest:?}/${all[i]}"
  done
  if [ -n "$wal_archive" ]; then
    oldest=${all[$(( drop > 0 ? drop : 0 ))]}
    # The first WAL segment the oldest kept backup needs, from its backup_label.
    first_wal=$(sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]\{24\}\))$/\1/p' "$dest/$oldest/backup_label")
    [ -n "$first_wal" ] || { echo "backup.sh: no START WAL LOCATION in $oldest/backup_label" >&2; exit 1; }
    "$PG_BIN/pg_archivecleanup" "$wal_archive" "$first_wal"
    echo "backup.sh: WAL before $first_wal removed from $wal_archive (oldest kept: $oldest)"
  fi
fi
