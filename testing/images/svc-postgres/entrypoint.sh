#!/bin/sh
# Makes a cluster in $PGDATA when it is empty, then execs postgres in the foreground (as PID 1).
# Any other command (for the harness's client container: sleep, psql…) is exec'd as given.
set -eu
if [ "${1:-}" != postgres ]; then
  exec "$@"
fi
shift
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  initdb --username=postgres --auth=trust --encoding=UTF8 --locale=C -D "$PGDATA" >/dev/null
  cat >> "$PGDATA/postgresql.conf" <<'CONF'
# Added by the harness image's entrypoint.
listen_addresses = '*'
logging_collector = on
log_directory = 'log'
log_filename = 'postgresql-%Y%m%d-%H%M%S.log'
log_rotation_age = 0
log_rotation_size = 0
CONF
  echo 'host all all all trust' >> "$PGDATA/pg_hba.conf"
  echo "postgres-entrypoint: made a cluster in $PGDATA"
fi
exec postgres -D "$PGDATA" "$@"
