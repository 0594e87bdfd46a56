#!/usr/bin/env bash
# Runs peerlink for real, from a fresh clone.
#
# With no homeserver configured (PEERLINK__MATRIX__HOMESERVER_URL unset) it
# runs the DEMO: it installs and starts a local Synapse on
# 127.0.0.1:${PEERLINK_DEV_PORT:-8008}, registers the bot (@peerlink:localhost),
# a demo admin (@admin:localhost) and five demo delegates (@demo-ma, -pt, -py:
# the Executive Committee, Morocco coordinating; @demo-fr: a member;
# @demo-cl: an observer), with passwords generated once and kept in
# .local/dev/credentials (PEERLINK_DEV_DIR moves that folder); imports the
# demo roster (config/demo/roster.toml);
# makes a dashboard token for the demo admin; then runs peerlink on SQLite,
# which provisions the network's rooms and invites everyone, and prints how
# to try it. Ctrl-C stops both. The demo never touches another homeserver.
#
# With PEERLINK__MATRIX__HOMESERVER_URL set, it runs peerlink against that
# homeserver with your settings (config/peerlink.toml and PEERLINK__… variables),
# and nothing of the demo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# The demo's folder (Synapse, credentials, database); the tests use their own.
DEV="${PEERLINK_DEV_DIR:-$ROOT/.local/dev}"
PORT="${PEERLINK_DEV_PORT:-8008}"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/peerlink"
CONFIG_ARGS=()
DEMO=false

if [ -z "${PEERLINK__MATRIX__HOMESERVER_URL:-}" ]; then
    DEMO=true
    mkdir -p "$DEV"
    scripts/synapse.sh start "$DEV/synapse" "$PORT" localhost
    trap 'scripts/synapse.sh stop "$DEV/synapse"' EXIT
    secret() { python3 -c 'import secrets; print(secrets.token_urlsafe(18))'; }
    if [ ! -f "$DEV/credentials" ]; then
        (umask 077; printf 'BOT_PASSWORD=%s\nADMIN_PASSWORD=%s\n' "$(secret)" "$(secret)" >"$DEV/credentials")
    fi
    if ! grep -q '^DEMO_PASSWORD=' "$DEV/credentials"; then
        (umask 077; printf 'DEMO_PASSWORD=%s\n' "$(secret)" >>"$DEV/credentials")
    fi
    # shellcheck disable=SC1091
    . "$DEV/credentials"
    scripts/synapse.sh register "$DEV/synapse" peerlink "$BOT_PASSWORD" >/dev/null
    scripts/synapse.sh register "$DEV/synapse" admin "$ADMIN_PASSWORD" --admin >/dev/null
    for who in ma pt py fr cl; do
        scripts/synapse.sh register "$DEV/synapse" "demo-$who" "$DEMO_PASSWORD" >/dev/null
    done
    # The demo's network: the shipped one, with the committee room left
    # unencrypted so that the scripted tour (a client without encryption)
    # can read the cards. A real network keeps it encrypted.
    cp config/regions.toml "$DEV/regions.toml"
    cp config/themes.toml "$DEV/themes.toml"
    python3 - "$ROOT/config/network.toml" "$DEV/network.toml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
old = "[rooms.committee]\nencrypted = true"
assert old in text, "config/network.toml: [rooms.committee] encrypted = true not found"
text = text.replace(old, "# DEMO: unencrypted (see scripts/run.sh).\n[rooms.committee]\nencrypted = false")
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
    export PEERLINK__MATRIX__HOMESERVER_URL="http://127.0.0.1:$PORT"
    export PEERLINK__MATRIX__USER_ID="@peerlink:localhost"
    export PEERLINK__MATRIX__PASSWORD="$BOT_PASSWORD"
    export PEERLINK__BOT__ADMINS='["@admin:localhost"]'
    export PEERLINK__DATA_DIR="$DEV/data"
    export PEERLINK__DATABASE__URL="sqlite://$DEV/data/peerlink.db"
    export PEERLINK__NETWORK__FILE="$DEV/network.toml"
    # The demo's action plan: the example the project wrote (!plan, /api/v1/plan).
    export PEERLINK__NETWORK__ACTION_PLAN="$ROOT/config/action-plan.example.toml"
    # Your own settings (log format, say) if you made config/peerlink.toml.
    if [ -f config/peerlink.toml ]; then
        CONFIG_ARGS=(--config config/peerlink.toml)
    else
        CONFIG_ARGS=(--config config/peerlink.example.toml)
    fi
fi

# --all-targets: the same feature set as `cargo test --all-targets` in
# scripts/test.sh, so that running after testing builds nothing again (a plain
# `cargo build` resolves some dependencies' features differently).
cargo build --locked --all-targets

if $DEMO; then
    "$BIN" "${CONFIG_ARGS[@]}" roster import config/demo/roster.toml >/dev/null
    "$BIN" "${CONFIG_ARGS[@]}" token revoke demo-admin >/dev/null 2>&1 || true
    TOKEN="$("$BIN" "${CONFIG_ARGS[@]}" token new --name demo-admin --scope roster | grep -o 'pl_[A-Za-z0-9]*' | head -n 1)"
    VENV="${PEERLINK_SYNAPSE_VENV:-.local/synapse-venv}"
    HTTP="${PEERLINK__HTTP__LISTEN:-127.0.0.1:8090}"
    cat <<INFO

peerlink DEMO: a local Synapse and a demo network (config/demo/roster.toml).

  Homeserver   http://127.0.0.1:$PORT   (server name: localhost)
  Bot          @peerlink:localhost
  Demo admin   @admin:localhost     password: $ADMIN_PASSWORD
  Delegates    password for each: $DEMO_PASSWORD
    @demo-ma:localhost  Morocco   Executive Committee, coordinator (answers in French)
    @demo-pt:localhost  Portugal  Executive Committee
    @demo-py:localhost  Paraguay  Executive Committee (answers in Spanish)
    @demo-fr:localhost  France    member
    @demo-cl:localhost  Chile     observer (answers in Spanish)

Try it with any Matrix client (log in to http://127.0.0.1:$PORT, accept the
invitations to the network's Space and rooms):
  1. as @demo-fr, in the Plenary room:
       !request technical-cooperation Training on recommendation tracking
     (the description on the following lines); the bot answers with a number.
  2. as @demo-pt, in the Executive Committee room: the request's card is
     there; reply in its thread with !ack, then !accept PT,
     !start, !resolve delivered Two workshops held.
  3. as @demo-fr: each step's notice arrives in the request's thread.
  4. anyone: !plan shows the (example) action plan; as @demo-pt in the
     committee room, !link 1 tc-1 ties the request to an activity.

Or let a scripted client (matrix-nio) take that tour, from another terminal:
  $VENV/bin/python scripts/demo_tour.py

Dashboard (demo admin's token, made anew at each start):
  http://$HTTP/dashboard#token=$TOKEN
Health and metrics: http://$HTTP/healthz, /readyz, /metrics

Stop with Ctrl-C.

INFO
fi

"$BIN" "${CONFIG_ARGS[@]}" run
