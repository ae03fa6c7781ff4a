"""Benchmark: `pia validate` (whole process: Ibis frames on DuckDB, GX engine) against the hand-written pandas baseline.

Generates estates with `pia.samples.generate.generate_estate` (cached under benchmarks/out/), runs both as
separate processes, measures wall time and peak RSS (os.wait4 rusage of each child), checks that
both find the planted counts, prints a table and writes benchmarks/out/validate.json.

    python benchmarks/bench_validate.py [--users 100000 1000000] [--repeat 1] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
BASELINE = HERE / "baseline_pandas.py"


def estate(users: int, seed: int) -> tuple[Path, dict]:
    """The cached estate of `users` users (generated with planted violations if missing)."""
    from pia.samples.generate import generate_estate, read_expected

    path = OUT / f"estate-{users}-seed{seed}"
    expected = path / "expected_violations.json"
    if expected.is_file():
        doc = read_expected(path)
        if doc.get("users") == users and doc.get("seed") == seed and doc.get("violations"):
            return path, doc
    print(f"generating {users} users into {path} ...", file=sys.stderr, flush=True)
    generate_estate(path, users=users, seed=seed, violations=True)
    return path, read_expected(path)


def measure_rusage(cmd: list[str]) -> dict:
    """Run `cmd`: wall seconds, the child's own peak RSS (wait4 rusage; Linux ru_maxrss is KiB), exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.stdout.read(), proc.stderr.read()  # the baseline prints little; pia writes to a file
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "rc": proc.returncode,
            "stdout": out.decode(), "stderr": err.decode()[-2000:]}


def run_size(users: int, seed: int, repeat: int) -> dict:
    path, doc = estate(users, seed)
    as_of = doc["reference_date"]
    expected = doc["failed_rows"]
    rows = sum(doc["rows"].values())
    pia_json = OUT / f"validate-{users}.json"
    pia_cmd = [sys.executable, "-m", "pia.cli", "validate", str(path), "--as-of", as_of, "--format", "json",
               "-o", str(pia_json)]
    base_cmd = [sys.executable, str(BASELINE), str(path), "--as-of", as_of]
    runs = {"pia": [], "baseline": []}
    for _ in range(repeat):
        for name, cmd in (("baseline", base_cmd), ("pia", pia_cmd)):
            print(f"{users} users: running {name} ...", file=sys.stderr, flush=True)
            runs[name].append(measure_rusage(cmd))
    best = {name: min(r, key=lambda x: x["wall_s"]) for name, r in runs.items()}
    peak = {name: max(x["peak_rss_mb"] for x in r) for name, r in runs.items()}
    pia_counts = {c["id"]: c["failed_rows"] for c in json.loads(pia_json.read_text())["checks"]} \
        if pia_json.is_file() else {}
    try:
        base_counts = json.loads(best["baseline"]["stdout"])
    except ValueError:
        base_counts = {}
    return {
        "users": users, "rows": rows, "seed": seed, "as_of": as_of,
        "pia": {"wall_s": best["pia"]["wall_s"], "peak_rss_mb": peak["pia"], "rc": best["pia"]["rc"],
                "all_wall_s": [r["wall_s"] for r in runs["pia"]]},
        "baseline": {"wall_s": best["baseline"]["wall_s"], "peak_rss_mb": peak["baseline"],
                     "rc": best["baseline"]["rc"], "all_wall_s": [r["wall_s"] for r in runs["baseline"]]},
        "wall_ratio": round(best["pia"]["wall_s"] / best["baseline"]["wall_s"], 2),
        "rss_ratio": round(peak["pia"] / peak["baseline"], 2),
        "pia_matches_expected": pia_counts == expected,
        "baseline_matches_expected": {k: base_counts.get(k) for k in expected} == expected,
        "pia_stderr": best["pia"]["stderr"] if best["pia"]["rc"] not in (0, 1) else "",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    load_start = round(os.getloadavg()[0], 2)
    results = [run_size(n, args.seed, args.repeat) for n in args.users]
    header = f"{'users':>9} {'rows':>11} {'pia s':>7} {'base s':>7} {'x wall':>6} {'pia MB':>7} {'base MB':>7} {'x RSS':>6} ok"
    print(header)
    for r in results:
        ok = "yes" if r["pia_matches_expected"] and r["baseline_matches_expected"] else "NO"
        print(f"{r['users']:>9} {r['rows']:>11} {r['pia']['wall_s']:>7.2f} {r['baseline']['wall_s']:>7.2f} "
              f"{r['wall_ratio']:>6.2f} {r['pia']['peak_rss_mb']:>7.0f} {r['baseline']['peak_rss_mb']:>7.0f} "
              f"{r['rss_ratio']:>6.2f} {ok}")
    doc = {"kind": "pia.benchmark.validate", "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                                          "load_avg_1m_at_start": load_start,
                                                          "load_avg_1m_at_end": round(os.getloadavg()[0], 2)},
           "target": "local engine <= 0.6x the baseline's wall time and <= 1x its peak RSS (issue 14)",
           "results": results}
    (OUT / "validate.json").write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"load average (1 min): {load_start} at start, {doc['machine']['load_avg_1m_at_end']} at end, "
          f"{os.cpu_count()} cpus")
    print(f"written {OUT / 'validate.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
