#!/usr/bin/env bash
# A private PostgreSQL cluster for tests that stop and restart the database
# server (the machine's own server on 5432 is never touched). Loopback only,
# trust auth for the `postgres` role, socket in the cluster's folder.
#
#   scripts/postgres-private.sh start DIR PORT   create the cluster in DIR (once), start it, wait ready
#   scripts/postgres-private.sh stop DIR         fast shutdown of the server started in DIR
#
# Run as root, the cluster belongs to the `postgres` user (PostgreSQL refuses
# to run as root); DIR's parent must then be reachable by that user.
set -euo pipefail

log() { printf 'postgres-private.sh: %s\n' "$*" >&2; }

bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        log "no PostgreSQL server binaries under /usr/lib/postgresql (scripts/postgres.sh installs them)"
        exit 1
    fi
    printf '%s' "$dir"
}

# Runs a PostgreSQL binary as the cluster's owner.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local dir="$1" port="$2" bin
    bin="$(bindir)"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1 ||
            { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if as_owner "$bin/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
        log "already running in $dir"
        return 0
    fi
    as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
    log "PostgreSQL ready on 127.0.0.1:$port (cluster $dir/data)"
}

stop() {
    local dir="$1" bin
    bin="$(bindir)"
    if as_owner "$bin/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null
        log "stopped the server of $dir"
    fi
}

case "${1:-}" in
    start) start "$2" "$3" ;;
    stop) stop "$2" ;;
    *) sed -n '2,10p' "$0" >&2; exit 2 ;;
esac
