#!/usr/bin/env bash
# Starts again a standby that stop.sh <port> keep left behind; it catches up from the primary.
set -euo pipefail
port="${1:?usage: resume.sh <port>}"
[[ "$port" =~ ^[0-9]+$ ]] || { echo "replica: port must be a number" >&2; exit 1; }
dir="/tmp/koege-replica-${port}"
bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@";
  else echo "replica: run as root or as the postgres OS user" >&2; exit 1; fi
}
[ -d "$dir/data" ] || { echo "replica: no standby folder at $dir (start.sh $port)" >&2; exit 1; }
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
echo "replica: hot standby on 127.0.0.1:$port again"
