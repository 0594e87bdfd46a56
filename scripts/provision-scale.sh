#!/usr/bin/env bash
# Measures provisioning of the full default network on a local Synapse:
# 193 UN member states in 5 regions, 300 delegates spread over them, one
# admin. Prints how long the first run (creating every room and sending every
# invitation) and a second run (nothing to change) take.
#
#   scripts/provision-scale.sh            # 300 delegates
#   DELEGATES=500 scripts/provision-scale.sh
#
# Starts its own Synapse on a free loopback port and stops it at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DELEGATES="${DELEGATES:-300}"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/peerlink"
VENV="${PEERLINK_SYNAPSE_VENV:-$ROOT/.local/synapse-venv}"
RUN="$(mktemp -d "${TMPDIR:-/tmp}/peerlink-scale.XXXXXX")"
trap 'scripts/synapse.sh stop "$RUN/synapse"; rm -rf "$RUN"' EXIT

cargo build --quiet
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
scripts/synapse.sh start "$RUN/synapse" "$PORT" localhost
HS="http://127.0.0.1:$PORT"
SECRET="$(cat "$RUN/synapse/registration_secret")"

echo "== registering the bot, an admin and $DELEGATES delegates; writing the roster"
"$VENV/bin/python" - "$HS" "$SECRET" "$DELEGATES" "$RUN/roster.csv" <<'PY'
import contextlib, io, sys, time, tomllib
sys.path.insert(0, "scripts")
from synapse_register import register
hs, secret, count, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open("config/regions.toml", "rb") as f:
    regions = tomllib.load(f)["region"]
states = [(r["id"], c) for r in regions for c in r["countries"]]
start = time.monotonic()
quiet = contextlib.redirect_stdout(io.StringIO())
quiet.__enter__()
for user in ("scale-bot", "scale-admin"):
    register(hs, secret, user, "pw-" + user)
rows = ["country,region,status,mechanism,delegate,language"]
per_state = {}
for i in range(count):
    region, code = states[i % len(states)]
    user = f"delegate-{i:04d}"
    register(hs, secret, user, "pw")
    per_state.setdefault((region, code), []).append(f"@{user}:localhost")
for n, (region, code) in enumerate(states):
    status = "founding_member" if n < 24 else ("observer" if n % 10 == 0 else "member")
    for user in per_state.get((region, code), [""]):
        rows.append(f"{code},{region},{status},,{user},")
open(out, "w").write("\n".join(rows) + "\n")
quiet.__exit__(None, None, None)
print(f"{count + 2} accounts registered in {time.monotonic() - start:.1f} s; "
      f"{len(states)} states in {len(regions)} regions")
PY

export PEERLINK__DATA_DIR="$RUN/data"
export PEERLINK__DATABASE__URL="sqlite://$RUN/data/peerlink.db"
export PEERLINK__MATRIX__HOMESERVER_URL="$HS"
export PEERLINK__MATRIX__USER_ID="@scale-bot:localhost"
export PEERLINK__MATRIX__PASSWORD="pw-scale-bot"
export PEERLINK__BOT__ADMINS='["@scale-admin:localhost"]'
export RUST_LOG=warn

"$BIN" roster import "$RUN/roster.csv" | head -n 1
# Peak memory too, where GNU time is installed.
TIMER=()
[ -x /usr/bin/time ] && TIMER=(/usr/bin/time -f "peak RSS of peerlink: %M KB")
echo "== first provisioning (creates 8 rooms, sends every invitation)"
"${TIMER[@]}" "$BIN" provision 2>&1 | grep -E "change\(s\)|Took|FAILED|RSS" | head -n 20
echo "== second provisioning (nothing should change)"
"${TIMER[@]}" "$BIN" provision 2>&1 | grep -E "change\(s\)|Took|FAILED|RSS"
