#!/usr/bin/env bash
# Starts again a standby that stop.sh <port> keep left behind; it catches up from the primary.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh" "${1:-}" 'resume.sh <port>'
[ -d "$dir/data" ] || { echo "replica: no standby folder at $dir (start.sh $port)" >&2; exit 1; }
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
echo "replica: hot standby on 127.0.0.1:$port again"
