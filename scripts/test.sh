#!/usr/bin/env bash
# Runs the whole test suite against real parts, from a fresh machine:
#   1. PostgreSQL on 127.0.0.1:5432 (started or installed if missing),
#   2. a pinned Synapse from PyPI in a project venv, started on a free loopback port,
#   3. Chromium from Debian's packages (the dashboard is tested in it, headless),
#   4. cargo test (unit + integration tests: the real binary against Synapse,
#      on SQLite and on PostgreSQL),
#   5. a third-party client (matrix-nio) inviting the bot and timing `!ping`,
#   6. the README's first command, scripts/run.sh (the demo, on a Synapse of its
#      own): no ERROR or WARN line through its first provisioning, the scripted
#      tour (matrix-nio delegates) filing, triaging and resolving a request,
#      and the dashboard link it prints, opened in headless Chromium.
# Everything started here is stopped at the end, by its PID.
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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
cleanup() {
    scripts/synapse.sh stop "$RUN_DIR/synapse" || true
    [ -n "${BOT_PID:-}" ] && kill "$BOT_PID" 2>/dev/null || true
    if [ -n "${DEMO_PID:-}" ]; then
        kill -TERM -- "-$DEMO_PID" 2>/dev/null || true
        wait "$DEMO_PID" 2>/dev/null || true
        scripts/synapse.sh stop "$RUN_DIR/demo/synapse" || true
    fi
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

log "the README's first command: scripts/run.sh (the demo), its tour and its dashboard link"
DEMO_PORT="$(free_port)"
DEMO_HTTP="$(free_port)"
export PEERLINK_DEV_DIR="$RUN_DIR/demo"
PEERLINK_DEV_PORT="$DEMO_PORT" PEERLINK__HTTP__LISTEN="127.0.0.1:$DEMO_HTTP" \
    setsid scripts/run.sh >"$RUN_DIR/demo.log" 2>&1 &
DEMO_PID=$!
for _ in $(seq 1 600); do
    grep -q "provisioning done" "$RUN_DIR/demo.log" 2>/dev/null && break
    kill -0 "$DEMO_PID" 2>/dev/null || { cat "$RUN_DIR/demo.log"; echo "scripts/run.sh stopped" >&2; exit 1; }
    sleep 0.5
done
grep -q "provisioning done" "$RUN_DIR/demo.log" || { cat "$RUN_DIR/demo.log"; exit 1; }
if grep -q "Compiling" "$RUN_DIR/demo.log"; then
    echo "scripts/run.sh rebuilt after the tests:" >&2; grep "Compiling" "$RUN_DIR/demo.log" >&2; exit 1
fi
if grep -E " (ERROR|WARN) " "$RUN_DIR/demo.log"; then
    echo "a healthy demo start logged the ERROR or WARN lines above" >&2; exit 1
fi
"${PEERLINK_SYNAPSE_VENV:-.local/synapse-venv}/bin/python" scripts/demo_tour.py "http://127.0.0.1:$DEMO_PORT"
DASHBOARD="$(grep -o "http://127.0.0.1:$DEMO_HTTP/dashboard#token=pl_[A-Za-z0-9]*" "$RUN_DIR/demo.log" | head -n 1)"
[ -n "$DASHBOARD" ] || { echo "run.sh printed no dashboard link" >&2; exit 1; }
DOM="$(timeout 60 chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom "$DASHBOARD" 2>/dev/null)"
grep -q 'data-loaded="true"' <<<"$DOM" || { echo "the dashboard did not load its data" >&2; exit 1; }
grep -q "Training on recommendation tracking" <<<"$DOM" || { echo "the tour's outcome is not on the dashboard" >&2; exit 1; }
kill -TERM -- "-$DEMO_PID"
wait "$DEMO_PID" || true
DEMO_PID=
echo "scripts/run.sh: no rebuild, a clean log, the tour complete, the dashboard loaded"
