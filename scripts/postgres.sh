#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with trust auth for
# the `postgres` role and a database `test`, as the tests expect.
# On the service machines it is already running; elsewhere this starts the
# installed cluster, or installs PostgreSQL from Debian's packages first.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
log() { printf 'postgres.sh: %s\n' "$*" >&2; }

ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

if ! ready; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        log "PostgreSQL is not installed; installing it from Debian's packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
        version="$(ls /etc/postgresql | sort -V | tail -n 1)"
        hba="/etc/postgresql/$version/main/pg_hba.conf"
        # Loopback only, trust: this server exists for the tests.
        sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
        sed -i -E 's/^(local\s+all\s+postgres\s+)\S+/\1trust/' "$hba"
    fi
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    log "starting the PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 50); do ready && break; sleep 0.2; done
fi

if ! ready; then
    log "PostgreSQL does not answer on $HOST:$PORT"
    exit 1
fi
if ! psql -h "$HOST" -p "$PORT" -U postgres -d test -Atc 'SELECT 1' >/dev/null 2>&1; then
    psql -h "$HOST" -p "$PORT" -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null
fi
log "PostgreSQL ready on $HOST:$PORT"
