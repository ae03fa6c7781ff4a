"""Benchmark of `pia scan` on a large CSV: the sample is bounded, so time does not grow with file size.

Generates a synthetic CSV of about `--size-mb` megabytes under benchmarks/out/ (gitignored), times
`pia scan FILE --format json` as a whole process (interpreter start and imports included) and `scan()`
in process, prints a JSON summary, and deletes the file unless `--keep`.

    python benchmarks/bench_scan.py --size-mb 1024
    python benchmarks/bench_scan.py --size-mb 1024 --keep --reuse   # keep the file between runs
"""
from __future__ import annotations

import argparse
import json
import os
import random
import string
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
HEADER = "user_id,username,email,phone,password_hash,birth_date,registered_at,country,client_ip,note\n"


def _block(rng: random.Random, start: int, rows: int) -> str:
    """Rows of made-up account data (example.com emails, random numbers): no real person."""
    alphabet = "./" + string.ascii_letters + string.digits
    lines = []
    for i in range(start, start + rows):
        lines.append(",".join((
            f"U{i:09d}", f"user_{i}", f"user{i}@example.com", f"+86138{rng.randint(0, 99_999_999):08d}",
            "$2b$12$" + "".join(rng.choice(alphabet) for _ in range(53)),
            f"{rng.randint(1950, 2010)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 10:00:00", rng.choice(["CN", "US", "DE"]),
            f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            "lorem ipsum dolor sit amet " * rng.randint(0, 2),
        )))
    return "\n".join(lines) + "\n"


def generate(path: Path, size_mb: int, seed: int = 1) -> int:
    """Write about `size_mb` MB; a 20,000-row block is generated once and repeated with fresh ids."""
    rng = random.Random(seed)
    block_rows = 20_000
    template = _block(rng, 0, block_rows).splitlines(keepends=True)
    target = size_mb * 1024 * 1024
    rows = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        written = len(HEADER)
        while written < target:
            chunk = "".join(f"U{rows + j:09d}" + line[10:] for j, line in enumerate(template))
            fh.write(chunk)
            written += len(chunk)
            rows += block_rows
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--sample", type=int, default=50_000)
    ap.add_argument("--keep", action="store_true", help="keep the generated CSV")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse a CSV kept by an earlier --keep run of the same size (generation is not timed anyway)")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"big_users_{args.size_mb}mb.csv"
    t0 = time.perf_counter()
    if args.reuse and path.exists():
        with open(path, "rb") as fh:
            rows = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b"")) - 1
    else:
        rows = generate(path, args.size_mb)
    gen_s = time.perf_counter() - t0
    try:
        size = path.stat().st_size
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pia.cli", "scan", str(path), "--format", "json",
                               "--sample", str(args.sample)], capture_output=True, text=True, check=False)
        cli_s = time.perf_counter() - t0
        doc = json.loads(proc.stdout)
        import pandas  # noqa: F401  (imported before timing: the in-process figure is the scan alone)

        from pia.discovery.scan import scan

        t0 = time.perf_counter()
        scan([path], sample=args.sample)
        lib_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with open(path, "rb") as fh:  # one pass over the bytes, for scale (page cache warm: a lower bound)
            while fh.read(1 << 23):
                pass
        read_s = time.perf_counter() - t0
        table = doc["tables"][0]
        print(json.dumps({
            "file_mb": round(size / 2**20), "rows": rows, "sample": args.sample, "generate_s": round(gen_s, 1),
            "pia_scan_process_s": round(cli_s, 2), "scan_function_s": round(lib_s, 2),
            "full_read_of_bytes_warm_cache_s": round(read_s, 2), "exit_code": proc.returncode,
            "rows_sampled": table["rows_sampled"], "rows_estimated": table["rows_estimated"],
            "personal_columns": len(doc["columns"]),
        }, indent=2))
        print(json.dumps({"load_average_1_5_15": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count()}))
    finally:
        if not args.keep:
            os.unlink(path)


if __name__ == "__main__":
    main()
