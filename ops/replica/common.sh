# Sourced by start.sh, stop.sh and resume.sh (issue #18): the standby's port and folder, PostgreSQL's programs,
# and running them as the postgres OS user, which owns the cluster's files.
#   . common.sh <port> <usage>

fail() { echo "replica: $*" >&2; exit 1; }

port="${1:?usage: $2}"
[[ "$port" =~ ^[0-9]+$ ]] || fail "port must be a number, got \"$port\""
dir="/tmp/koege-replica-${port}"
pg_user=postgres
bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

as_pg() {
  if [ "$(id -un)" = "$pg_user" ]; then "$@";
  elif [ "$(id -u)" = 0 ]; then runuser -u "$pg_user" -- "$@";
  else fail "run as root or as the $pg_user OS user (the standby's files must belong to $pg_user)"; fi
}
