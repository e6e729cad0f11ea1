#!/usr/bin/env bash
# Starts a hot standby of a local PostgreSQL cluster on loopback, for tests and benchmarks (issue #18):
# pg_basebackup -R (streaming replication, no slot) into its own data folder under /tmp, its own port, run as the
# postgres OS user; waits until it accepts read-only connections and prints its data folder.
#
#   ops/replica/start.sh <port> [primary-port]        e.g. ops/replica/start.sh 5440
#
# The primary must allow replication connections from 127.0.0.1 (pg_hba.conf: `host replication all 127.0.0.1/32
# trust` on a test machine). When it does not, the script stops and says which line to add; with
# REPLICA_FIX_HBA=1 (CI) it adds that line itself and reloads the primary's configuration.
set -euo pipefail

# shellcheck source=common.sh
. "$(dirname "$0")/common.sh" "${1:-}" 'start.sh <port> [primary-port]'
primary_port="${2:-${PRIMARY_PORT:-5432}}"
primary_host=127.0.0.1
[ -x "$bindir/pg_basebackup" ] || fail "pg_basebackup not found (set PG_BINDIR to PostgreSQL's bin folder)"

psql_primary() { psql -h "$primary_host" -p "$primary_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq "$@"; }

pg_isready -h "$primary_host" -p "$primary_port" -q || fail "the primary does not answer on $primary_host:$primary_port"
if pg_isready -h 127.0.0.1 -p "$port" -q; then fail "something already answers on port $port (stop.sh $port?)"; fi

# pg_hba.conf: a replication connection matches only rules naming `replication`, never `all`.
rules=$(psql_primary -c "SELECT count(*) FROM pg_hba_file_rules
  WHERE 'replication' = ANY(database) AND type IN ('host', 'hostnossl')
    AND (address IN ('all', 'samehost', 'samenet') OR address LIKE '127.%')")
if [ "${rules:-0}" = 0 ]; then
  hba=$(psql_primary -c 'SHOW hba_file')
  line='host replication all 127.0.0.1/32 trust'
  if [ "${REPLICA_FIX_HBA:-0}" = 1 ]; then
    echo "replica: adding \"$line\" to $hba and reloading the primary"
    printf '\n# issue #18: loopback streaming replication for tests and benchmarks\n%s\n' "$line" >>"$hba"
    psql_primary -c 'SELECT pg_reload_conf()' >/dev/null
    sleep 1
  else
    fail "the primary refuses replication from 127.0.0.1. Add this line to $hba and reload
  (SELECT pg_reload_conf()), or rerun with REPLICA_FIX_HBA=1:
    $line"
  fi
fi
level=$(psql_primary -c 'SHOW wal_level')
[ "$level" != minimal ] || fail "the primary has wal_level=minimal; set wal_level=replica and restart it"

# A hot standby must allow at least as many of these as the primary does, or it refuses to start.
settings=$(psql_primary -c "SELECT string_agg(name || ' = ' || setting, E'\n') FROM pg_settings
  WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions',
                 'max_locks_per_transaction')")

as_pg rm -rf "$dir"
as_pg mkdir -p "$dir"
as_pg chmod 700 "$dir"
echo "replica: pg_basebackup from $primary_host:$primary_port into $dir"
as_pg "$bindir/pg_basebackup" -h "$primary_host" -p "$primary_port" -U postgres -D "$dir/data" -R -X stream \
  -c fast --no-sync
# Debian keeps postgresql.conf and pg_hba.conf outside the data folder, so the copy has neither: write our own.
as_pg tee "$dir/data/postgresql.conf" >/dev/null <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
hot_standby = on
# The walreceiver's application_name in the primary's pg_stat_replication.
cluster_name = 'koege-replica-$port'
hot_standby_feedback = on
shared_buffers = 32MB
fsync = off
logging_collector = off
$settings
CONF
as_pg tee "$dir/data/pg_hba.conf" >/dev/null <<HBA
local all all trust
host all all 127.0.0.1/32 trust
HBA
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
  { tail -n 20 "$dir/server.log" >&2; fail "the standby did not start (log: $dir/server.log)"; }
for _ in $(seq 1 60); do
  if [ "$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ]; then
    echo "replica: hot standby on 127.0.0.1:$port ($dir)"
    exit 0
  fi
  sleep 0.5
done
fail "the standby on port $port does not accept connections (log: $dir/server.log)"
