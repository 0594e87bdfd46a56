#!/usr/bin/env bash
# Runs peerlink for real, from a fresh clone.
#
# With no homeserver configured (PEERLINK__MATRIX__HOMESERVER_URL unset) it
# installs and starts a local Synapse on 127.0.0.1:${PEERLINK_DEV_PORT:-8008},
# registers the bot (@peerlink:localhost) and a demo admin (@admin:localhost)
# with passwords generated once and kept in .local/dev/credentials, then runs
# peerlink on SQLite and prints how to talk to it. Ctrl-C stops both.
#
# With PEERLINK__MATRIX__HOMESERVER_URL set, it runs peerlink against that
# homeserver with your settings (config/peerlink.toml and PEERLINK__… variables).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DEV="$ROOT/.local/dev"
PORT="${PEERLINK_DEV_PORT:-8008}"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/peerlink"
CONFIG_ARGS=()

if [ -z "${PEERLINK__MATRIX__HOMESERVER_URL:-}" ]; then
    mkdir -p "$DEV"
    scripts/synapse.sh start "$DEV/synapse" "$PORT" localhost
    trap 'scripts/synapse.sh stop "$DEV/synapse"' EXIT
    if [ ! -f "$DEV/credentials" ]; then
        (
            umask 077
            printf 'BOT_PASSWORD=%s\nADMIN_PASSWORD=%s\n' \
                "$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')" \
                "$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')" >"$DEV/credentials"
        )
    fi
    # shellcheck disable=SC1091
    . "$DEV/credentials"
    scripts/synapse.sh register "$DEV/synapse" peerlink "$BOT_PASSWORD" >/dev/null
    scripts/synapse.sh register "$DEV/synapse" admin "$ADMIN_PASSWORD" --admin >/dev/null
    export PEERLINK__MATRIX__HOMESERVER_URL="http://127.0.0.1:$PORT"
    export PEERLINK__MATRIX__USER_ID="@peerlink:localhost"
    export PEERLINK__MATRIX__PASSWORD="$BOT_PASSWORD"
    export PEERLINK__BOT__ADMINS='["@admin:localhost"]'
    export PEERLINK__DATA_DIR="$DEV/data"
    export PEERLINK__DATABASE__URL="sqlite://$DEV/data/peerlink.db"
    # Your own settings (API tokens, say) if you made config/peerlink.toml.
    if [ -f config/peerlink.toml ]; then
        CONFIG_ARGS=(--config config/peerlink.toml)
    else
        CONFIG_ARGS=(--config config/peerlink.example.toml)
    fi
    cat <<INFO

peerlink is starting against a local Synapse.

  Homeserver     http://127.0.0.1:$PORT   (server name: localhost)
  Bot            @peerlink:localhost
  Demo admin     @admin:localhost   password: $ADMIN_PASSWORD

Connect any Matrix client to the homeserver as the demo admin, create a room,
invite @peerlink:localhost and send !ping or !help. Or let a scripted client
(matrix-nio) do exactly that, from another terminal:

  .local/synapse-venv/bin/python scripts/demo_client.py http://127.0.0.1:$PORT \\
      @admin:localhost '$ADMIN_PASSWORD' @peerlink:localhost '!ping' '!help'

Operations: http://127.0.0.1:8090/healthz, /metrics and the dashboard at
http://127.0.0.1:8090/dashboard (make an API token for it with
\`target/debug/peerlink token new --name you\`, copy
config/peerlink.example.toml to config/peerlink.toml, add the printed lines,
and start again).

Stop with Ctrl-C.

INFO
fi

# --all-targets: the same feature set as `cargo test --all-targets` in
# scripts/test.sh, so that running after testing builds nothing again (a plain
# `cargo build` resolves some dependencies' features differently).
cargo build --quiet --locked --all-targets
"$BIN" "${CONFIG_ARGS[@]}" run
