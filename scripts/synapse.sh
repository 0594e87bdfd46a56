#!/usr/bin/env bash
# Local Synapse homeserver for development and tests, installed from PyPI into a
# project-local virtualenv. Everything binds to 127.0.0.1.
#
#   scripts/synapse.sh install                 create the venv (idempotent)
#   scripts/synapse.sh start DIR PORT [NAME]   write a loopback config in DIR (once), start, wait ready
#   scripts/synapse.sh stop DIR                stop the Synapse started in DIR (by its PID file)
#   scripts/synapse.sh register DIR USER PASSWORD [--admin]
#   scripts/synapse.sh rate-limits             print the rate-limit settings (YAML) it writes
#
# DIR holds homeserver.yaml, keys, the SQLite database, logs and the PID file.
# NAME is the server name (default: localhost). The registration shared secret is
# written to DIR/registration_secret for tests and scripts to read.
set -euo pipefail

SYNAPSE_VERSION="1.163.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PEERLINK_SYNAPSE_VENV:-$ROOT/.local/synapse-venv}"
PY="$VENV/bin/python"

log() { printf 'synapse.sh: %s\n' "$*" >&2; }

install() {
    if ! { [ -x "$PY" ] && "$PY" -c "import importlib.metadata as m, sys; sys.exit(m.version('matrix-synapse') != '$SYNAPSE_VERSION')" 2>/dev/null; }; then
        log "installing matrix-synapse $SYNAPSE_VERSION into $VENV"
        python3 -m venv "$VENV"
        "$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
        "$PY" -m pip install --quiet --disable-pip-version-check \
            "matrix-synapse==$SYNAPSE_VERSION" "matrix-nio==0.26.*"
    fi
    # The tests read the calendar feed with a real iCalendar parser.
    if ! "$PY" -c "import icalendar" 2>/dev/null; then
        log "installing icalendar into $VENV"
        "$PY" -m pip install --quiet --disable-pip-version-check "icalendar>=6,<8"
    fi
}

# Every rate limit that a test or a demo would hit, set out of reach.
rate_limits() {
    local unlimited='{per_second: 100000, burst_count: 1000000}'
    local key
    for key in rc_message rc_registration rc_registration_token_validity rc_admin_redaction \
        rc_joins_per_room rc_3pid_validation rc_third_party_invite rc_key_requests \
        rc_media_create rc_delayed_event_mgmt rc_room_creation rc_reports rc_user_directory \
        rc_profile; do
        printf '%s: %s\n' "$key" "$unlimited"
    done
    cat <<YAML
rc_login: {address: $unlimited, account: $unlimited, failed_attempts: $unlimited}
rc_joins: {local: $unlimited, remote: $unlimited}
rc_invites: {per_room: $unlimited, per_user: $unlimited, per_issuer: $unlimited}
rc_presence: {per_user: $unlimited}
rc_federation: {window_size: 1000, sleep_limit: 100000, sleep_delay: 1, reject_limit: 100000, concurrent: 1000}
YAML
}

write_config() {
    local dir="$1" port="$2" name="$3"
    mkdir -p "$dir/media"
    local secret
    secret="$("$PY" -c 'import secrets; print(secrets.token_hex(24))')"
    printf '%s' "$secret" >"$dir/registration_secret"
    cat >"$dir/homeserver.yaml" <<YAML
server_name: "$name"
public_baseurl: "http://127.0.0.1:$port/"
pid_file: "$dir/homeserver.pid"
listeners:
  - port: $port
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client, federation]
        compress: false
database:
  name: sqlite3
  args:
    database: "$dir/homeserver.db"
log_config: "$dir/log.config"
media_store_path: "$dir/media"
signing_key_path: "$dir/signing.key"
registration_shared_secret: "$secret"
enable_registration: false
macaroon_secret_key: "$("$PY" -c 'import secrets; print(secrets.token_hex(24))')"
form_secret: "$("$PY" -c 'import secrets; print(secrets.token_hex(24))')"
report_stats: false
enable_metrics: false
bcrypt_rounds: 4
trusted_key_servers: []
suppress_key_server_warning: true
# Tests and demos stay on this machine: no federation with other servers
# (a roster naming @someone:example.org must not make Synapse reach out).
federation_domain_whitelist: []
presence:
  enabled: false
url_preview_enabled: false
room_list_publication_rules: [{action: allow}]
alias_creation_rules: [{action: allow}]
$(rate_limits)
YAML
    cat >"$dir/log.config" <<YAML
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: "$dir/homeserver.log"
    encoding: utf8
loggers:
  synapse.storage.SQL:
    level: WARNING
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
YAML
}

is_running() {
    local pidfile="$1/homeserver.pid"
    [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start() {
    local dir port name
    dir="$(mkdir -p "$1" && cd "$1" && pwd)"
    port="$2"
    name="${3:-localhost}"
    install
    if is_running "$dir"; then
        log "already running in $dir (pid $(cat "$dir/homeserver.pid"))"
        return 0
    fi
    [ -f "$dir/homeserver.yaml" ] || write_config "$dir" "$port" "$name"
    [ -f "$dir/signing.key" ] || "$PY" -m synapse.app.homeserver -c "$dir/homeserver.yaml" --generate-keys >/dev/null
    "$PY" -m synapse.app.homeserver -c "$dir/homeserver.yaml" --daemonize >"$dir/stdout.log" 2>&1 || {
        log "Synapse failed to start; see $dir/stdout.log and $dir/homeserver.log"
        tail -n 20 "$dir/stdout.log" >&2 || true
        return 1
    }
    local i
    for i in $(seq 1 150); do
        if "$PY" - "$port" <<'PYEOF' 2>/dev/null; then
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/_matrix/client/versions", timeout=1)
PYEOF
            log "Synapse $SYNAPSE_VERSION ready on http://127.0.0.1:$port (server name $name, pid $(cat "$dir/homeserver.pid"))"
            return 0
        fi
        sleep 0.2
    done
    log "Synapse did not become ready within 30 s; see $dir/homeserver.log"
    return 1
}

stop() {
    local dir="$1" pidfile="$1/homeserver.pid" pid i
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for i in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$pidfile"
}

register() {
    local dir="$1" user="$2" password="$3" admin="${4:-}"
    local port
    port="$(sed -n 's/^  - port: //p' "$dir/homeserver.yaml" | head -n 1)"
    "$PY" "$ROOT/scripts/synapse_register.py" "http://127.0.0.1:$port" \
        "$(cat "$dir/registration_secret")" "$user" "$password" $admin
}

cmd="${1:-}"
shift || true
case "$cmd" in
    install) install ;;
    start) start "$@" ;;
    stop) stop "$@" ;;
    register) register "$@" ;;
    rate-limits) rate_limits ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
