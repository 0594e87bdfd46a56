#!/usr/bin/env bash
# Benchmarks, in release mode (the one build profile that is not dev: the
# first release build takes about 25 minutes here).
#   1. Core throughput in process: chat commands through the real service
#      (claim, parse, authorize, transition, store, outbox; one transaction
#      per command) on SQLite and PostgreSQL, beside
#      a loop of as many plain parameterized INSERTs, in the same run.
# Prints a table and writes bench-results.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/postgres.sh
cargo build --release --quiet --bin peerlink-bench
"${CARGO_TARGET_DIR:-target}/release/peerlink-bench" "${1:-bench-results.json}"
