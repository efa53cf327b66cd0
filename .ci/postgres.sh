# PostgreSQL from Debian's packages on its own port and data directory, for CI (.ci/run) and the cluster drill
# (bench/cluster). Sourced; run as root (the server runs as user postgres). Idempotent.

# start_postgres PORT DATA_DIR: initialises the directory once, starts the server unless it answers already.
start_postgres() {
  local port=$1 data=$2 bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  if ! "$bin/pg_isready" -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
    if [ ! -s "$data/PG_VERSION" ]; then
      rm -rf "$data"
      install -d -o postgres -g postgres "$data"
      su postgres -s /bin/sh -c "$bin/initdb -D $data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
    fi
    su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -l $data/server.log -w -o '-p $port -k /tmp -c listen_addresses=127.0.0.1' start"
  fi
}

# fresh_database PORT NAME: drops and recreates NAME, owned by role anef (password anef).
fresh_database() {
  local port=$1 name=$2 bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q <<SQL
DROP DATABASE IF EXISTS $name;
DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anef') THEN CREATE ROLE anef LOGIN PASSWORD 'anef'; END IF; END \$\$;
CREATE DATABASE $name OWNER anef;
SQL
}
