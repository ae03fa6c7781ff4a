"""Benchmark: `pia report` wall time against the floor (papermill + nbconvert on a one-empty-cell notebook).

Both run as whole processes on the same machine in the same run, alternating, `--repeat` times each; the
medians and their ratio are printed (target: report <= 2x floor). Usage: python benchmarks/bench_report.py
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

BIN = Path(sys.executable).parent


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def floor_once(work: Path) -> float:
    """papermill then nbconvert (HTML, inputs hidden), as a scheduler would run them, on one empty cell."""
    src, out = work / "empty.ipynb", work / "empty.out.ipynb"
    if not src.exists():
        book = new_notebook(cells=[new_code_cell("")], metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        nbformat.write(book, src)
    return (_timed([str(BIN / "papermill"), "--no-progress-bar", str(src), str(out)])
            + _timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(out)]))


def report_once(work: Path) -> float:
    return _timed([sys.executable, "-m", "pia.cli", "report", "--out", str(work / "reports")])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each (alternating); medians are compared")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report_once(work)  # warm the file cache and compiled bytecode for both sides
        floor_once(work)
        floors, reports = [], []
        for _ in range(args.repeat):
            floors.append(floor_once(work))
            reports.append(report_once(work))
    floor, report = statistics.median(floors), statistics.median(reports)
    print(json.dumps({"floor_s": round(floor, 2), "report_s": round(report, 2), "ratio": round(report / floor, 2),
                      "floors": [round(x, 2) for x in floors], "reports": [round(x, 2) for x in reports],
                      "target_ratio": 2.0}, indent=2))


if __name__ == "__main__":
    main()
