#!/usr/bin/env python3
"""The benchmark's summary: reads the parts' JSON files in DIR, prints one
table of the issue's targets (measured, target, met or not) and writes
DIR/bench-results.json with every part and that table.

  python3 scripts/bench_report.py DIR [--build-secs N --measure-secs N --total-secs N]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

MIB = 1024.0


def load(path: Path) -> dict | None:
    return json.loads(path.read_text()) if path.exists() else None


def targets(core: dict | None, network: dict | None, peer: dict | None,
            search: dict | None = None, reports: dict | None = None,
            burst: dict | None = None) -> list[dict]:
    """(what, measured, target, met) rows; a part not run gives no rows."""
    rows: list[dict] = []

    def row(what: str, value: float, unit: str, limit: float, at_most: bool = True, note: str = ""):
        met = value <= limit if at_most else value >= limit
        rows.append({"what": what, "measured": value, "unit": unit,
                     "target": f"{'<=' if at_most else '>='} {limit:g}", "met": met, "note": note})

    if peer:
        s, b = peer["series"]["peerlink"], peer["bots"]["peerlink"]
        echo = s.get("ratio_to_echo", {})
        row("!help round trip p50, x raw one-way trip", s["ratio_to_raw"]["p50"], "x", 1.10,
            note=f"x echo round trip: {echo.get('p50', float('nan')):.2f}")
        row("!help round trip p99, x raw one-way trip", s["ratio_to_raw"]["p99"], "x", 1.20,
            note=f"x echo round trip: {echo.get('p99', float('nan')):.2f}")
        rem = peer["series"]["reminder"]["ratio_to_raw"]
        rows[-2]["note"] += f"; matrix-reminder-bot x raw {rem['p50']:.2f}"
        rows[-1]["note"] += f"; matrix-reminder-bot x raw {rem['p99']:.2f}"
        row("bot CPU per !help", b["cpu"]["cpu_ms_per_command"], "ms", 5,
            note=f"matrix-reminder-bot {peer['bots']['reminder']['cpu']['cpu_ms_per_command']:.1f} ms")
        row("peerlink idle RSS", b["idle"]["rss_kib"] / MIB, "MiB", 20,
            note=f"matrix-reminder-bot {peer['bots']['reminder']['idle']['rss_kib'] / MIB:.1f} MiB")
    if network:
        seq = network["end_to_end"]["sequential"]
        row("request intake to card p50, x raw one-way trip", seq["intake"]["ratio_to_raw"]["p50"], "x", 1.3,
            note=f"x two-trip relay: {seq['intake']['ratio_to_relay']['p50']:.2f}; "
                 f"p50 {seq['intake']['p50_ms']:.0f} ms")
        sc = network["scale"]
        row("peerlink peak RSS over the scale run", sc["peak_rss_kib"] / MIB, "MiB", 60,
            note=f"{sc['states']} states, {sc['delegates']} delegates, "
                 f"{sc['queries']['requests_total']} requests")
        q = sc["queries"]
        row("API stats over 10,000 requests (HTTP)", q["stats_ms"], "ms", 50)
        row("API listing over 10,000 requests (HTTP)", max(q["list_page_ms"], q["list_by_state_ms"]), "ms", 50)
    if core:
        for c in core["core"]:
            if c["backend"] == "sqlite":
                row("core commands/s, SQLite", c["commands_per_second"], "/s", 5000, at_most=False)
                row("core / raw insert loop, SQLite", c["ratio"], "x", 0.5, at_most=False)
        for q in core["queries"]:
            row(f"stats query, in process, {q['backend']}", q["stats_ms"], "ms", 50)
            row(f"listing queries, in process, {q['backend']}",
                max(q["list_open_ms"], q["count_ms"], q["list_deep_page_ms"]), "ms", 50)
    if search:
        for r in search["search"]:
            b, n = r["backend"], r["documents"]
            row(f"index {n:,} documents, {b}", r["index_seconds"], "s", 60)
            row(f"!search p95 over {n:,} documents, {b}", r["chat_search"]["p95_ms"], "ms", 30,
                note=f"p50 {r['chat_search']['p50_ms']:.1f}, max {r['chat_search']['max_ms']:.1f}")
            row(f"search API p95 over {n:,} documents, {b}", r["api_search"]["p95_ms"], "ms", 30,
                note=f"p50 {r['api_search']['p50_ms']:.1f}, max {r['api_search']['max_ms']:.1f}")
        rows[-1]["note"] += f"; peak RSS {search['peak_rss_mib']:.0f} MiB"
    if reports:
        for r in reports["reports"]:
            b, n = r["backend"], r["requests"]
            row(f"statistics over {n:,} requests, {b}", r["stats_ms"], "ms", 50)
            row(f"listings over {n:,} requests, {b}",
                max(r["list_open_ms"], r["count_ms"], r["list_deep_page_ms"]), "ms", 50,
                note=f"open {r['list_open_ms']:.1f}, count {r['count_ms']:.1f}, "
                     f"deep page {r['list_deep_page_ms']:.1f}")
            ex = r["export"]
            row(f"outcomes export memory over {n:,} requests, {b}",
                max(ex["csv"]["growth_mib"], ex["json"]["growth_mib"]), "MiB", 16,
                note=f"CSV {ex['csv']['bytes'] / MIB / MIB:.0f} MiB in {ex['csv']['ms']:.0f} ms, "
                     f"JSON {ex['json']['bytes'] / MIB / MIB:.0f} MiB in {ex['json']['ms']:.0f} ms")
    if burst:
        for name, w in burst["waves"].items():
            row(f"{w['senders']} delegates at once ({name}), all answered", w["answered"], "",
                w["senders"], at_most=False,
                note=f"p50 {w['p50_ms']:.0f} ms, p99 {w['p99_ms']:.0f} ms, last {w['max_ms']:.0f} ms; "
                     f"one alone: p50 {burst['single']['p50_ms']:.0f} ms, "
                     f"p99 {burst['single']['p99_ms']:.0f} ms")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--build-secs", type=float)
    parser.add_argument("--measure-secs", type=float)
    parser.add_argument("--total-secs", type=float)
    args = parser.parse_args()
    d = Path(args.dir)
    core, network, peer, search, reports, burst = (
        load(d / f"bench-{p}.json")
        for p in ("core", "network", "peer", "search", "reports", "burst"))
    rows = targets(core, network, peer, search, reports, burst)
    print()
    print(f"{'target':<48} {'measured':>10} {'unit':<4} {'target':>9} {'met':<4}  note")
    for r in rows:
        print(f"{r['what']:<48} {r['measured']:>10.2f} {r['unit']:<4} {r['target']:>9} "
              f"{'yes' if r['met'] else 'NO':<4}  {r['note']}")
    if args.measure_secs is not None:
        print(f"\nbuild {args.build_secs:.0f} s, measuring {args.measure_secs:.0f} s, "
              f"all {args.total_secs:.0f} s")
    out = d / "bench-results.json"
    out.write_text(json.dumps({
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": {"build": args.build_secs, "measuring": args.measure_secs, "total": args.total_secs},
        "targets": rows, "core": core, "network": network, "peer": peer, "search": search,
        "reports": reports, "burst": burst,
    }, indent=2) + "\n")
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
