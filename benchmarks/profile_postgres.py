"""Where `pia validate postgresql://...` spends its time: client phases, and the server's statements by kind.

    python benchmarks/profile_postgres.py [--users 100000] [--estate DIR] [--baseline]

Starts a throwaway server (tests/pg_server.py), loads a planted-violation estate (not timed), sets
`log_min_duration_statement = 0`, then runs `validate` in this process with timers around its phases (the GX
import, GX's context and data source, each check's GX validation, the kit's sample queries). Afterwards the
server log is read back and every statement's duration is summed by kind (frames written to temporary tables,
GX's metric queries, the kit's sample queries, catalogue look-ups, ...). `--baseline` also runs
`benchmarks/baseline_sql.py` against the same server and sums its statements. The figures are wall times on a
shared machine: the 1-minute load average is printed with them. GX is imported first, in the foreground, so that
its import is timed alone: what `validate` overlaps with the import in a CLI run (the datasets' counts, frames with
joins written early) is not overlapped here. The sample queries of one-scan frames run in a second session while
GX judges the next frames: their statements are in the server's sums, their wall time mostly inside GX's.
"""
from __future__ import annotations

import argparse
import collections
import functools
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
AS_OF = "2026-06-30"

KINDS = [  # (kind, test on the statement text), first match wins
    ("GX: temporary table of a frame (GX's own)", lambda s: s.startswith('CREATE TEMPORARY TABLE "gx_temp')),
    ("kit: frame with joins written to a temporary table", lambda s: s.startswith("CREATE TEMPORARY TABLE")),
    ("kit: sample query (failing rows, LIMIT)", lambda s: s.startswith("SELECT pia_frame.")),
    ("kit: shown values of the sampled rows", lambda s: '"_row" IN (' in s),
    ("kit: rows of each dataset (COUNT)", lambda s: s.startswith('SELECT COUNT(*) FROM "')),
    ("GX: row count of the frame", lambda s: "table.row_count" in s),
    ("GX: unexpected counts (one query per frame)", lambda s: "unexpected_count" in s),
    ("GX: unexpected values (LIMIT 0) and probes", lambda s: "unexpected_values" in s or " LIMIT 1" in s),
    ("catalogue look-ups", lambda s: "pg_catalog" in s or "information_schema" in s or "pg_type" in s),
]


def kind_of(statement: str) -> str:
    """The kind of a logged statement (see KINDS); session chatter otherwise."""
    s = " ".join(statement.split())
    for name, test in KINDS:
        if test(s):
            return name
    return "session chatter (BEGIN, SET, views, DROP, ...)"


def read_log(path: Path, since: int) -> list[tuple[int, float, str]]:
    """(backend pid, ms, statement) of every logged statement after byte `since` of the server log."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        fh.seek(since)
        text = fh.read()
    out = []
    for entry in re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[)", text):
        m = re.search(r"\[(\d+)\].*?duration: ([0-9.]+) ms  (?:statement|execute [^:]*): (.*)", entry, re.S)
        if m:
            out.append((int(m.group(1)), float(m.group(2)), m.group(3)))
    return out


def by_kind(stmts: list[tuple[int, float, str]]) -> dict[str, tuple[int, float]]:
    """Kind -> (statements, seconds)."""
    acc: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])
    for _pid, ms, s in stmts:
        k = kind_of(s)
        acc[k][0] += 1
        acc[k][1] += ms / 1000
    return {k: (int(n), t) for k, (n, t) in sorted(acc.items(), key=lambda kv: -kv[1][1])}


def profile_validate(url: str) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Run `validate(url)` here with timers; (phase -> seconds, check -> phase -> seconds)."""
    os.environ.setdefault("PIA_GX_WORKER", "0")
    timers: dict[str, float] = collections.defaultdict(float)
    per_check: dict[str, dict[str, float]] = collections.defaultdict(lambda: collections.defaultdict(float))
    current: dict[str, str | None] = {"check": None}

    def wrap(owner: object, name: str, label: str) -> None:
        orig = getattr(owner, name)

        @functools.wraps(orig)
        def timed(*a, **k):
            if label == "GX validation (suite on the frame, its SQL included)":
                current["check"] = a[1].id
            elif label.startswith("samples"):  # masked after the loop, for frames sampled in the second session
                current["check"] = a[0].id
            t = time.perf_counter()
            try:
                return orig(*a, **k)
            finally:
                d = time.perf_counter() - t
                timers[label] += d
                if current["check"]:
                    per_check[current["check"]][label] += d

        setattr(owner, name, timed)

    t0 = time.perf_counter()
    from pia.validation import gx_engine, gx_remote, remote, run

    gx_engine._gx()
    timers["import great_expectations"] = time.perf_counter() - t0
    wrap(gx_remote.RemoteGx, "__init__", "GX context and data source")
    wrap(gx_remote.RemoteGx, "run_remote", "GX validation (suite on the frame, its SQL included)")
    if hasattr(gx_remote.RemoteGx, "materialise"):
        wrap(gx_remote.RemoteGx, "materialise", "frame to a temporary view/table")
    wrap(remote, "open_remote", "connect and check the tables")
    wrap(remote._IbisTables, "sql", "compile frames to SQL (Ibis)")
    wrap(run, "_remote_samples", "samples: failing rows and their values (main thread)")
    t = time.perf_counter()
    run.validate(url, as_of=AS_OF)
    timers["validate() in all"] = time.perf_counter() - t
    return dict(timers), {k: dict(v) for k, v in per_check.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=100_000)
    ap.add_argument("--estate", type=Path, help="Reuse (or write) the estate here.")
    ap.add_argument("--baseline", action="store_true", help="Also profile benchmarks/baseline_sql.py.")
    args = ap.parse_args()
    import estate_db
    import pg_server
    import psycopg2

    estate = args.estate or Path(tempfile.mkdtemp(prefix="pia-profile-")) / "estate"
    if not (estate / "users.csv").is_file():
        from pia.samples.generate import generate_estate

        estate.mkdir(parents=True, exist_ok=True)
        generate_estate(estate, args.users, 7, violations=True)
    server = pg_server.start_postgres()
    try:
        estate_db.load_postgres(server.dsn, estate)
        conn = psycopg2.connect(server.dsn)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("ALTER SYSTEM SET log_min_duration_statement = 0")
            cur.execute("SELECT pg_reload_conf()")
        conn.close()
        time.sleep(0.5)
        log = server.base / "server.log"
        start = log.stat().st_size
        load = os.getloadavg()[0]
        t = time.perf_counter()
        phases, checks = profile_validate(server.url)
        wall = time.perf_counter() - t
        stmts = read_log(log, start)
        print(f"pia validate, in this process: {wall:.1f} s (load {load:.1f} -> {os.getloadavg()[0]:.1f})")
        for name, secs in sorted(phases.items(), key=lambda kv: -kv[1]):
            print(f"  {secs:7.2f} s  {name}")
        print(f"server statements of pia: {sum(ms for _, ms, _ in stmts) / 1000:.1f} s in {len(stmts)}")
        for name, (n, secs) in by_kind(stmts).items():
            print(f"  {secs:7.2f} s {n:5d}  {name}")
        print("frames with joins written (s, temporary table):")
        for _pid, ms, s in sorted(stmts, key=lambda x: -x[1]):
            if kind_of(s) == "kit: frame with joins written to a temporary table":
                print(f"  {ms / 1000:7.2f}  {' '.join(s.split())[:70]}")
        print("per check (s):")
        for cid, d in sorted(checks.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"  {cid:34s} " + "; ".join(f"{k.split(' (')[0]} {v:.2f}" for k, v in sorted(d.items())))
        if args.baseline:
            start = log.stat().st_size
            t = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "baseline_sql.py"), "postgresql", server.dsn,
                            "--as-of", AS_OF], check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            stmts = read_log(log, start)
            print(f"baseline_sql.py: {time.perf_counter() - t:.1f} s as a process; its statements "
                  f"{sum(ms for _, ms, _ in stmts) / 1000:.1f} s")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
