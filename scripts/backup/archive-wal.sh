#!/usr/bin/env bash
# PostgreSQL's archive_command: copies one finished WAL segment into the archive, durably.
#
#   archive_mode = on
#   archive_command = '/opt/proxypay/scripts/backup/archive-wal.sh %p %f /var/backups/proxypay/wal'
#
# PostgreSQL recycles a segment only after this exits 0, so 0 must mean "on disk in the
# archive": the copy goes to a temporary name, is fsynced, renamed, and the directory is
# fsynced. Any failure exits non-zero and PostgreSQL retries the same segment later (WAL
# then piles up in pg_wal: watch pg_stat_archiver.failed_count and disk space).
# An existing file is never overwritten (an archive shared by two clusters by mistake must
# not lose the other's WAL). The one exception, as PostgreSQL's manual advises: after a
# crash the server may archive a segment again; an identical file counts as done.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: archive-wal.sh %p %f ARCHIVE_DIR" >&2
  exit 2
fi
src=$1
name=$2
dir=$3
dest="$dir/$name"

if [ -f "$dest" ]; then
  if cmp -s "$src" "$dest"; then exit 0; fi
  echo "archive-wal: $dest already exists with other content; refusing to overwrite" >&2
  exit 1
fi

tmp="$dir/.$name.partial.$$"
trap 'rm -f "$tmp"' EXIT
cp "$src" "$tmp"
sync "$tmp"
# test ! -f again right before the rename: mv -n would silently do nothing on a race.
if [ -e "$dest" ]; then
  echo "archive-wal: $dest appeared while copying; refusing to overwrite" >&2
  exit 1
fi
mv "$tmp" "$dest"
trap - EXIT
# The rename is durable only once the directory itself is on disk.
sync "$dir"
