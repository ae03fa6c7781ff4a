"""A/B benchmark: `pia validate` from several source trees against the pandas baseline, alternating, in one run.

    python benchmarks/ab_validate.py ESTATE ROUNDS TREE[,TREE...] [--as-of 2026-06-30]

Each round runs the baseline (`benchmarks/baseline_pandas.py`), then `python -m pia.cli validate ESTATE` with each
TREE first on PYTHONPATH (e.g. the main worktree and a branch's), one after the other, so that every arm meets the
same load of a shared machine. One JSON line per process: wall seconds, peak RSS (MB, wait4: the process and the
children it waited for), CPU seconds (user + system, the GX worker included) and the 1-minute load average at its
start and end. On a loaded machine the CPU seconds compare the arms better than the wall time.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(cmd: list[str], cwd: str, env: dict[str, str] | None = None) -> dict:
    """Run `cmd`: wall, peak RSS, exit code and CPU seconds of it and its children."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    return {"wall": round(time.perf_counter() - start, 2), "rss_mb": round(usage.ru_maxrss / 1024),
            "rc": os.waitstatus_to_exitcode(status), "cpu": round(usage.ru_utime + usage.ru_stime, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("estate")
    ap.add_argument("rounds", type=int)
    ap.add_argument("trees", help="comma-separated source trees (each holds the `pia` package)")
    ap.add_argument("--as-of", default="2026-06-30")
    args = ap.parse_args()
    for n in range(args.rounds):
        for who in ["baseline", *args.trees.split(",")]:
            load = os.getloadavg()[0]
            if who == "baseline":
                res = run([sys.executable, str(HERE / "baseline_pandas.py"), args.estate, "--as-of", args.as_of], "/")
            else:
                out = Path("/tmp") / f"ab-validate-{Path(who).name}.json"
                res = run([sys.executable, "-m", "pia.cli", "validate", args.estate, "--as-of", args.as_of,
                           "--format", "json", "-o", str(out)], who, {"PYTHONPATH": who})
            print(json.dumps({"round": n, "who": who, **res, "load_start": round(load, 2),
                              "load_end": round(os.getloadavg()[0], 2)}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
