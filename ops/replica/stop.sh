#!/usr/bin/env bash
# Stops the hot standby that start.sh made on <port> and removes its data folder.
#   ops/replica/stop.sh <port>            fast shutdown
#   ops/replica/stop.sh <port> immediate  as a crash would (tests of a replica lost mid-run)
#   ops/replica/stop.sh <port> keep       stop it but keep the folder, so resume.sh can bring it back
#   ops/replica/stop.sh <port> immediate-keep   both
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh" "${1:-}" 'stop.sh <port> [immediate|keep]'
mode="${2:-fast}"
[ -d "$dir/data" ] || { echo "replica: nothing at $dir"; exit 0; }
shutdown=fast
case "$mode" in immediate*) shutdown=immediate ;; esac
as_pg "$bindir/pg_ctl" -D "$dir/data" -m "$shutdown" -w -t 60 stop >/dev/null 2>&1 || true
case "$mode" in *keep) ;; *) as_pg rm -rf "$dir" ;; esac
echo "replica: stopped 127.0.0.1:$port"
