#!/usr/bin/env bash
# Runs the whole test suite against real parts, from a fresh machine:
#   1. PostgreSQL on 127.0.0.1:5432 (started or installed if missing),
#   2. a pinned Synapse from PyPI in a project venv, started on a free loopback port,
#   3. Chromium from Debian's packages (the dashboard is tested in it, headless),
#   4. cargo test (unit + integration tests: the real binary against Synapse,
#      on SQLite and on PostgreSQL),
#   5. a third-party client (matrix-nio) inviting the bot and timing `!ping`.
# The Synapse started here is stopped at the end, by its PID.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '\n== %s\n' "$*" >&2; }

log "PostgreSQL"
scripts/postgres.sh

log "Chromium (for the dashboard test)"
if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
chromium --version

log "Synapse"
scripts/synapse.sh install
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/peerlink-test.XXXXXX")"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() {
    scripts/synapse.sh stop "$RUN_DIR/synapse" || true
    [ -n "${BOT_PID:-}" ] && kill "$BOT_PID" 2>/dev/null || true
    rm -rf "$RUN_DIR"
}
trap cleanup EXIT
scripts/synapse.sh start "$RUN_DIR/synapse" "$PORT" localhost

export PEERLINK_TEST_HOMESERVER_URL="http://127.0.0.1:$PORT"
export PEERLINK_TEST_REGISTRATION_SECRET="$(cat "$RUN_DIR/synapse/registration_secret")"
export PEERLINK_TEST_SERVER_NAME=localhost
export PEERLINK_TEST_POSTGRES_URL="${PEERLINK_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

log "cargo test"
cargo test --all-targets -- --test-threads "${PEERLINK_TEST_THREADS:-4}"

log "a third-party client (matrix-nio) invites the bot and sends commands"
scripts/synapse.sh register "$RUN_DIR/synapse" demo-bot bot-password >/dev/null
scripts/synapse.sh register "$RUN_DIR/synapse" demo-admin admin-password >/dev/null
PEERLINK__DATA_DIR="$RUN_DIR/bot" \
PEERLINK__DATABASE__URL="sqlite://$RUN_DIR/bot/peerlink.db" \
PEERLINK__MATRIX__HOMESERVER_URL="$PEERLINK_TEST_HOMESERVER_URL" \
PEERLINK__MATRIX__USER_ID="@demo-bot:localhost" \
PEERLINK__MATRIX__PASSWORD="bot-password" \
PEERLINK__BOT__ADMINS='["@demo-admin:localhost"]' \
PEERLINK__HTTP__LISTEN=127.0.0.1:0 \
    "${CARGO_TARGET_DIR:-target}/debug/peerlink" run >"$RUN_DIR/bot.log" 2>&1 &
BOT_PID=$!
for _ in $(seq 1 300); do
    grep -q "listening for commands" "$RUN_DIR/bot.log" 2>/dev/null && break
    kill -0 "$BOT_PID" 2>/dev/null || { cat "$RUN_DIR/bot.log"; exit 1; }
    sleep 0.2
done
"${PEERLINK_SYNAPSE_VENV:-.local/synapse-venv}/bin/python" scripts/demo_client.py "$PEERLINK_TEST_HOMESERVER_URL" \
    @demo-admin:localhost admin-password @demo-bot:localhost '!ping' '!ping' '!ping' '!frobnicate'
kill -TERM "$BOT_PID"
wait "$BOT_PID"
BOT_PID=
echo "matrix-nio demo client: every command answered"
