#!/usr/bin/env bash
# Peer benchmark (part 3 of the benchmark issue): peerlink and
# matrix-reminder-bot (PyPI) answering `!help` side by side on one local
# Synapse, beside a raw client-to-client baseline; latency percentiles,
# resident memory idle and after load, CPU time per command.
#
#   scripts/bench_peer.sh [OUT.json] [--count N] [--rounds R] [--warmup W] ...
#
# Uses PEERLINK_BIN, else target/release/peerlink, else target/debug/peerlink
# (it builds nothing). See scripts/bench_peer.py for the details.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/synapse.sh" install
exec "$ROOT/.local/synapse-venv/bin/python" "$ROOT/scripts/bench_peer.py" "$@"
