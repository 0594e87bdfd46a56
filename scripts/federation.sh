#!/usr/bin/env bash
# Two or three Synapse homeservers on loopback that federate with each other only,
# for federation integration tests. Builds on scripts/synapse.sh (same venv, same
# Synapse version, same start/stop by PID file) but writes its own configs.
#
#   scripts/federation.sh start DIR [N]     configure (once) and start N=2|3 servers in DIR/hs1..hsN
#   scripts/federation.sh stop DIR          stop every server started in DIR (by PID file)
#   scripts/federation.sh stop-one DIR K    stop DIR/hsK only (data and ports are kept)
#   scripts/federation.sh start-one DIR K   start DIR/hsK again
#   scripts/federation.sh status DIR        print the summary
#
# DIR/hsK/env (shell-sourceable) gives HS_CLIENT_URL, HS_SERVER_NAME,
# HS_REGISTRATION_SECRET_FILE, HS_CLIENT_PORT, HS_FEDERATION_PORT, HS_DIR;
# DIR/env gives the same for all servers as HS1_CLIENT_URL, HS2_SERVER_NAME, ...
# Server names are localhost:FEDERATION_PORT. Everything binds to 127.0.0.1.
# FEDERATION_LOG_LEVEL (default WARNING) sets the root log level of new configs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SYNAPSE_SH="$ROOT/scripts/synapse.sh"
VENV="${PEERLINK_SYNAPSE_VENV:-$ROOT/.local/synapse-venv}"
PY="$VENV/bin/python"

log() { printf 'federation.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# Self-signed certificate for localhost / 127.0.0.1 (the name outbound federation checks).
make_cert() {
    local dir="$1"
    if command -v openssl >/dev/null; then
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
            -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
    else
        "$PY" - "$dir" <<'PYEOF'
import datetime, ipaddress, sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
now = datetime.datetime.now(datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                       x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256()))
open(f"{sys.argv[1]}/tls.key", "wb").write(key.private_bytes(serialization.Encoding.PEM,
     serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
open(f"{sys.argv[1]}/tls.crt", "wb").write(cert.public_bytes(serialization.Encoding.PEM))
PYEOF
    fi
}

# write_config DIR CLIENT_PORT FED_PORT NAMES_YAML CAS_YAML
write_config() {
    local dir="$1" cport="$2" fport="$3" names="$4" cas="$5" secret
    mkdir -p "$dir/media"
    secret="$("$PY" -c 'import secrets; print(secrets.token_hex(24))')"
    printf '%s' "$secret" >"$dir/registration_secret"
    cat >"$dir/homeserver.yaml" <<YAML
server_name: "localhost:$fport"
public_baseurl: "http://127.0.0.1:$cport/"
pid_file: "$dir/homeserver.pid"
listeners:
  # Clients (and the admin API) over plain HTTP.
  - port: $cport
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    resources: [{names: [client], compress: false}]
  # Federation (and /_matrix/key) over TLS on the port in the server name: outbound
  # federation always speaks HTTPS to host:port of the server name, no SRV/.well-known.
  - port: $fport
    bind_addresses: ['127.0.0.1']
    type: http
    tls: true
    resources: [{names: [federation], compress: false}]
tls_certificate_path: "$dir/tls.crt"
tls_private_key_path: "$dir/tls.key"
# Certificates are verified, against the sibling servers' self-signed certificates
# (each one is its own CA; CN/SAN localhost matches the server names' host).
federation_verify_certificates: true
federation_custom_ca_list: $cas
# Outbound requests to private addresses are blocked by default; localhost resolves to
# 127.0.0.1, so allow loopback (without this: "DNSLookupError ... localhost").
ip_range_whitelist: ['127.0.0.0/8', '::1/128']
# Federate with the sibling servers only, never with anything outside this machine.
federation_domain_whitelist: $names
# Fetch peers' signing keys from the peers themselves, never from matrix.org.
trusted_key_servers: []
suppress_key_server_warning: true
# Retry a peer that was down after 2 s instead of 10 min (outage tests). A server
# retries pending events when the peer next contacts it, or at most 60 s later.
federation:
  destination_min_retry_interval: 2s
  destination_max_retry_interval: 10s
  max_short_retry_delay: 1s
  max_long_retry_delay: 5s
  client_timeout: 20s
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
presence:
  enabled: false
url_preview_enabled: false
room_list_publication_rules: [{action: allow}]
alias_creation_rules: [{action: allow}]
$("$SYNAPSE_SH" rate-limits)
YAML
    cat >"$dir/log.config" <<YAML
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file: {class: logging.FileHandler, formatter: precise, filename: "$dir/homeserver.log", encoding: utf8}
loggers:
  synapse.storage.SQL: {level: WARNING}
root: {level: ${FEDERATION_LOG_LEVEL:-WARNING}, handlers: [file]}
disable_existing_loggers: false
YAML
}

# Configure DIR/hs1..hsN once: ports, certificates, signing keys, configs, env files.
configure() {
    local dir="$1" n="$2" k ports names cas
    # 2N distinct free loopback ports (all sockets held open while choosing).
    read -r -a ports <<<"$("$PY" -c '
import socket, sys
socks = [socket.socket() for _ in range(2 * int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$n")"
    names="[" cas="["
    rm -f "$dir/env.tmp"
    for k in $(seq 1 "$n"); do
        mkdir -p "$dir/hs$k"
        make_cert "$dir/hs$k"
        names+="'localhost:${ports[2*k-1]}', " cas+="'$dir/hs$k/tls.crt', "
    done
    names="${names%, }]" cas="${cas%, }]"
    for k in $(seq 1 "$n"); do
        local d="$dir/hs$k" cport="${ports[2*k-2]}" fport="${ports[2*k-1]}"
        write_config "$d" "$cport" "$fport" "$names" "$cas"
        "$PY" -c 'import sys, signedjson.key as k; k.write_signing_keys(open(sys.argv[1], "w"), [k.generate_signing_key("a_fed")])' "$d/signing.key"
        cat >"$d/env" <<ENV
HS_CLIENT_URL=http://127.0.0.1:$cport
HS_SERVER_NAME=localhost:$fport
HS_REGISTRATION_SECRET_FILE=$d/registration_secret
HS_CLIENT_PORT=$cport
HS_FEDERATION_PORT=$fport
HS_DIR=$d
ENV
        sed "s/^HS_/HS${k}_/" "$d/env" >>"$dir/env.tmp"
    done
    mv "$dir/env.tmp" "$dir/env"
    echo "$n" >"$dir/count"
}

# start_one DIR K: start hsK with its existing config (synapse.sh keeps an existing
# homeserver.yaml and signing key, daemonizes and waits for the client API).
start_one() {
    local d="$1/hs$2"
    [ -f "$d/env" ] || die "$d is not configured (run: $0 start $1 N)"
    ( . "$d/env"; "$SYNAPSE_SH" start "$d" "$HS_CLIENT_PORT" "$HS_SERVER_NAME" )
}

summary() {
    local dir="$1" d state
    for d in "$dir"/hs*/; do
        d="${d%/}"
        [ -f "$d/env" ] || continue
        state=stopped
        [ -f "$d/homeserver.pid" ] && kill -0 "$(cat "$d/homeserver.pid")" 2>/dev/null &&
            state="running, pid $(cat "$d/homeserver.pid")"
        ( . "$d/env"; printf '%s: %s  client %s  (%s)  env %s\n' "$(basename "$d")" \
            "$HS_SERVER_NAME" "$HS_CLIENT_URL" "$state" "$d/env" )
    done
}

start() {
    local dir n k pids=() failed=0
    dir="$(mkdir -p "$1" && cd "$1" && pwd)"
    n="${2:-2}"
    [ "$n" = 2 ] || [ "$n" = 3 ] || die "N must be 2 or 3"
    "$SYNAPSE_SH" install
    if [ -f "$dir/count" ]; then
        [ "$(cat "$dir/count")" = "$n" ] || die "$dir holds $(cat "$dir/count") servers; stop and remove it to change N"
    else
        configure "$dir" "$n"
    fi
    # Start them in parallel: each takes ~4 s, mostly Python imports.
    for k in $(seq 1 "$n"); do
        start_one "$dir" "$k" & pids+=($!)
    done
    for k in "${pids[@]}"; do wait "$k" || failed=1; done
    summary "$dir"
    [ "$failed" = 0 ] || die "some homeserver failed to start; see $dir/hs*/homeserver.log"
}

stop_all() {
    local d
    for d in "$1"/hs*/; do
        [ -f "$d/homeserver.yaml" ] && "$SYNAPSE_SH" stop "${d%/}"
    done
    return 0
}

cmd="${1:-}"
shift || true
case "$cmd" in
    start) [ $# -ge 1 ] || die "usage: $0 start DIR [N]"; start "$@" ;;
    stop) [ $# -eq 1 ] || die "usage: $0 stop DIR"; stop_all "$1" ;;
    stop-one) [ $# -eq 2 ] || die "usage: $0 stop-one DIR K"; "$SYNAPSE_SH" stop "$1/hs$2" ;;
    start-one) [ $# -eq 2 ] || die "usage: $0 start-one DIR K"; start_one "$1" "$2" ;;
    status) summary "$(cd "$1" && pwd)" ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
