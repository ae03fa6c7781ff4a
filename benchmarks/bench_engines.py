"""Benchmark: `pia validate` where the data lives, against hand-written SQL counting the same violations.

    python benchmarks/bench_engines.py [--users 1000000] [--engines postgresql,spark] [--estate DIR] [--repeat N]

Generates a planted-violation estate (`pia samples --violations`), then per engine, in the same run:
- PostgreSQL: a throwaway server (tests/pg_server.py), the estate COPYed in (not timed), then
  `pia validate postgresql://...` as a process against `benchmarks/baseline_sql.py postgresql` (20 COUNT queries);
- Spark: `pia validate DIR --engine spark --master local[2]` against `baseline_sql.py spark` (the same counts in
  Spark SQL over the same CSV files; both processes start their own JVM).
Each pair is timed as whole processes (wall, and the peak RSS of the client process); the failed-row counts of
pia and of the baseline must be equal (the script exits 1 otherwise). With `--repeat N` each pair runs N times
(the 1-minute load average noted before and after each pair: the machine may be shared). Targets: <= 1.5x wall, PostgreSQL client
peak RSS < 400 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
AS_OF = "2026-06-30"
OUT = ROOT / "benchmarks" / "out"


def measure(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """`run` in a fresh helper process, so that the peak RSS is that command's own."""
    helper = [sys.executable, "-c",
              "import json,resource,subprocess,sys,time;t=time.perf_counter();"
              "p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
              "w=time.perf_counter()-t;r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024;"
              "print(json.dumps({'wall':w,'rss':r,'rc':p.returncode,'err':p.stderr[-800:]}));"
              "sys.stdout.write(p.stdout)", *argv]
    proc = subprocess.run(helper, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)
    head, _, out = proc.stdout.partition("\n")
    info = json.loads(head)
    if info["rc"] not in (0, 1):
        raise SystemExit(f"{argv[:5]} failed ({info['rc']}): {info['err']}")
    return info["wall"], info["rss"], out


def pia_counts(path: Path) -> dict[str, int]:
    doc = json.loads(path.read_text())
    return {c["id"]: c["failed_rows"] for c in doc["checks"] if c["status"] != "skipped"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=1_000_000)
    ap.add_argument("--engines", default="postgresql,spark")
    ap.add_argument("--estate", type=Path, help="Reuse (or write) the estate here.")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--repeat", type=int, default=1, help="Pairs (pia, baseline) per engine; the ratio of each.")
    args = ap.parse_args()
    engines = args.engines.split(",")
    work = Path(tempfile.mkdtemp(prefix="pia-bench-engines-"))
    estate = args.estate or work / "estate"
    if not (estate / "users.csv").is_file():
        from pia.samples.generate import generate_estate

        estate.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        generate_estate(estate, args.users, 7, violations=True)
        print(f"estate: {args.users:,} users generated in {time.perf_counter() - t:.0f} s")
    rows = sum(sum(1 for _ in open(p, "rb")) - 1 for p in estate.glob("*.csv"))
    print(f"estate {estate}: {rows:,} rows; machine: {os.cpu_count()} cores, {platform.machine()}, "
          f"Python {platform.python_version()}")
    py = sys.executable
    env = {"PYTHONPATH": str(ROOT), "PIA_GX_WORKER": "0"}
    ok = True
    table = []
    if "postgresql" in engines:
        import estate_db
        import pg_server

        server = pg_server.start_postgres()
        try:
            t = time.perf_counter()
            estate_db.load_postgres(server.dsn, estate)
            print(f"postgresql: loaded in {time.perf_counter() - t:.0f} s (not timed below)")
            out = work / "pg.json"
            for n in range(args.repeat):
                load = os.getloadavg()[0]
                pia = measure([py, "-m", "pia.cli", "validate", server.url, "--as-of", AS_OF, "--format", "json",
                               "-o", str(out)], env)
                base = measure([py, "benchmarks/baseline_sql.py", "postgresql", server.dsn, "--as-of", AS_OF], env)
                ok &= report(f"postgresql #{n + 1}", pia, base, pia_counts(out), json.loads(base[2]), table,
                             (load, os.getloadavg()[0]))
        finally:
            server.stop()
    if "spark" in engines:
        out = work / "spark.json"
        for n in range(args.repeat):
            load = os.getloadavg()[0]
            pia = measure([py, "-m", "pia.cli", "validate", str(estate), "--engine", "spark", "--master", args.master,
                           "--as-of", AS_OF, "--format", "json", "-o", str(out)], env)
            base = measure([py, "benchmarks/baseline_sql.py", "spark", str(estate), "--master", args.master,
                            "--as-of", AS_OF], env)
            ok &= report(f"spark {args.master} #{n + 1}", pia, base, pia_counts(out), json.loads(base[2]), table,
                         (load, os.getloadavg()[0]))
    print("\n| engine | rows | pia validate | hand-written SQL | wall | client peak RSS pia / SQL | load 1 min start/end |")
    print("|---|---|---|---|---|---|---|")
    for name, p, b, ld in table:
        print(f"| {name} | {rows / 1e6:.1f} M | {p[0]:.1f} s | {b[0]:.1f} s | {p[0] / b[0]:.2f}x | "
              f"{p[1]:.0f} / {b[1]:.0f} MB | {ld[0]:.1f} / {ld[1]:.1f} |")
    OUT.mkdir(exist_ok=True)
    doc = {"kind": "pia.benchmark.engines", "rows": rows, "estate": str(estate), "cpus": os.cpu_count(),
           "runs": [{"engine": name, "pia_wall_s": round(p[0], 2), "pia_peak_rss_mb": round(p[1]),
                     "sql_wall_s": round(b[0], 2), "sql_peak_rss_mb": round(b[1]), "wall_ratio": round(p[0] / b[0], 3),
                     "load_1m_start": round(ld[0], 2), "load_1m_end": round(ld[1], 2)} for name, p, b, ld in table]}
    target = OUT / f"engines-{'-'.join(engines)}-{rows}.json"
    target.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(f"written {target}")
    return 0 if ok else 1


def report(name: str, pia: tuple, base: tuple, pia_c: dict[str, int], base_c: dict[str, int], table: list,
           load: tuple[float, float]) -> bool:
    table.append((name, pia, base, load))
    keys = sorted(set(pia_c) | set(base_c))
    wrong = {k: (pia_c.get(k), base_c.get(k)) for k in keys if pia_c.get(k) != base_c.get(k)}
    print(f"{name}: pia {pia[0]:.1f} s, {pia[1]:.0f} MB peak; baseline {base[0]:.1f} s, {base[1]:.0f} MB; "
          f"{pia[0] / base[0]:.2f}x wall; counts {'equal' if not wrong else f'DIFFER {wrong}'}")
    return not wrong


if __name__ == "__main__":
    raise SystemExit(main())
