#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests, on 127.0.0.1.
#   eval "$(bash tooling/postgres-for-tests.sh start)"   # exports TEST_PG_URL and TEST_PG_DIR
#   bash tooling/postgres-for-tests.sh stop "$TEST_PG_DIR"
# Installs Debian's postgresql when it is missing. The server refuses to run as
# root, so the cluster belongs to the `postgres` user the package creates.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

case "${1:-}" in
  start)
    if ! bin=$(find_bin); then
      echo "postgres-for-tests: installing postgresql with apt" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
      bin=$(find_bin)
    fi
    dir=$(mktemp -d /tmp/cec-pg.XXXXXX)
    chown postgres:postgres "$dir"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres cec_test
    echo "export TEST_PG_URL=postgres://postgres@127.0.0.1:$port/cec_test TEST_PG_DIR=$dir"
    ;;
  stop)
    dir="${2:?usage: stop <dir>}"
    bin=$(find_bin)
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    else
      "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
