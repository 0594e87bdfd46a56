#!/usr/bin/env bash
# The benchmark, every part, from one command on a fresh machine (it installs
# and starts what it needs, and stops what it started):
#
#   scripts/bench.sh [all|core|network|search|reports|burst|peer]... [--out DIR]
#
#   core     part 1 (core throughput in process, SQLite and PostgreSQL, beside
#            a raw INSERT loop) and the queries over 10,000 requests in
#            process: target/release/peerlink-bench
#   network  parts 2 and 4: a request's way through a local Synapse (intake
#            to card, action to notice) beside the homeserver's own one-way
#            trip and a two-trip relay; 20 delegates filing at once; the full
#            default network provisioned, 10,000 requests loaded, the API
#            timed over HTTP, peerlink's peak memory: scripts/bench_network.py
#   search   the network's memory: 100,000 searchable documents indexed, then
#            `!search` and the search API timed in process, SQLite and
#            PostgreSQL, peak memory: target/release/peerlink-bench search
#   reports  100,000 historical requests spread over three years: statistics,
#            listings and the outcomes exports timed in process, SQLite and
#            PostgreSQL, and the exports' own peak memory:
#            target/release/peerlink-bench reports
#   burst    200 delegates at once through a local Synapse, in one room and
#            across 101 rooms (plenary and direct chats), each a client of
#            its own, beside one delegate alone: scripts/bench_burst.py
#   peer     part 3: peerlink and matrix-reminder-bot (PyPI) answering `!help`,
#            beside the raw one-way trip and an echo round trip; memory, CPU
#            per command: scripts/bench_peer.py
#
# Builds in release mode first (the one build profile besides dev: about 25
# minutes the first time on 2 cores, seconds after). Writes one JSON file per
# part and bench-results.json (all of them, and the targets met or not) into
# DIR (default: the current directory), and prints one table of the targets.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT="."
PARTS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --out) OUT="$2"; shift 2 ;;
        all|core|network|search|reports|burst|peer) PARTS+=("$1"); shift ;;
        *) echo "usage: scripts/bench.sh [all|core|network|search|reports|burst|peer]... [--out DIR]" >&2; exit 2 ;;
    esac
done
[ ${#PARTS[@]} -eq 0 ] && PARTS=(all)
[[ " ${PARTS[*]} " == *" all "* ]] && PARTS=(core network search reports burst peer)
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

log() { printf '\n== %s\n' "$*" >&2; }
started=$(date +%s)

log "PostgreSQL and Synapse"
scripts/postgres.sh
scripts/synapse.sh install
PY="${PEERLINK_SYNAPSE_VENV:-$ROOT/.local/synapse-venv}/bin/python"

log "release build"
build_started=$(date +%s)
cargo build --release --quiet --bin peerlink --bin peerlink-bench
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}/release"
export PEERLINK_BIN="$TARGET/peerlink" PEERLINK_BENCH_BIN="$TARGET/peerlink-bench"
build_secs=$(( $(date +%s) - build_started ))

measure_started=$(date +%s)
for part in "${PARTS[@]}"; do
    case "$part" in
        core)
            log "part 1 and the in-process queries: peerlink-bench"
            "$PEERLINK_BENCH_BIN" "$OUT/bench-core.json" ;;
        network)
            log "parts 2 and 4: scripts/bench_network.py"
            "$PY" scripts/bench_network.py "$OUT/bench-network.json" ;;
        search)
            log "the memory's search: peerlink-bench search"
            "$PEERLINK_BENCH_BIN" search 100000 "$OUT/bench-search.json" ;;
        reports)
            log "reports over 100,000 requests: peerlink-bench reports"
            "$PEERLINK_BENCH_BIN" reports 100000 "$OUT/bench-reports.json" ;;
        burst)
            log "200 delegates at once: scripts/bench_burst.py"
            "$PY" scripts/bench_burst.py "$OUT/bench-burst.json" ;;
        peer)
            log "part 3: scripts/bench_peer.py"
            "$PY" scripts/bench_peer.py "$OUT/bench-peer.json" ;;
    esac
done
measure_secs=$(( $(date +%s) - measure_started ))

log "summary"
"$PY" scripts/bench_report.py "$OUT" --build-secs "$build_secs" \
    --measure-secs "$measure_secs" --total-secs $(( $(date +%s) - started ))
