"""What the person-key rule (pia/discovery/person_keys.py) would have added to each blind first run.

Each part's first-run verdicts (seed 20260630) are rebuilt from `discovery_quality_<part>_first_run.txt`: a column
listed among the first block's misses got the listed verdict, any other column its label. Where that verdict is no
category (and, for a listed miss, the confidence is 0.8 or more: nothing was ruled out), the rule is applied to the
column's values of the same seed, exactly as `classify_column` applies it. An unlisted non-personal column's
confidence is not kept, so the rule is assumed free to speak there: false positives are counted pessimistically.
The vocabulary comes from published lists (pia/data/person_nouns.yaml), not from any part: no part's misses chose a
word, so the figure needs no leave-one-part-out refit.

    python benchmarks/lopo_person_keys.py [--show]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("build_real_corpus", ROOT / "tests" / "corpus_real" / "build_real_corpus.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

from pia.discovery.detectors import ColumnVerdict, Judgement, _person_key, cross_table  # noqa: E402
from pia.discovery.scan import _profile_text_column, read_tables  # noqa: E402

PARTS = ["holdout", *[f"holdout{i}" for i in range(2, 21)]]
MISS = re.compile(r"^  (?P<col>.+?): label (?P<label>\S+), got (?P<got>\S+) \[(?P<det>[^,]+), (?P<conf>[0-9.]+)\]")


MISS_DETECTORS: dict[str, str | None] = {}


def first_run_misses(part: str) -> dict[str, tuple[str | None, float]]:
    """table.column -> (verdict, confidence) of the first block's misses."""
    text = (ROOT / "benchmarks" / f"discovery_quality_{part}_first_run.txt").read_text(encoding="utf-8")
    out: dict[str, tuple[str | None, float]] = {}
    in_block = False
    for line in text.splitlines():
        if line.startswith("misses (seed"):
            in_block = True
            continue
        if in_block and not line.startswith("  "):
            break
        m = MISS.match(line) if in_block else None
        if m:
            got = None if m["got"] == "None" else m["got"]
            out[m["col"]] = (got, float(m["conf"]))
            MISS_DETECTORS[m["col"]] = None if m["det"] == "None" else m["det"]
    return out


def simulate(part: str, show: bool) -> Counter:
    misses = first_run_misses(part)
    c: Counter = Counter()
    before: list[ColumnVerdict] = []
    after: list[ColumnVerdict] = []
    truths: dict[tuple[str, str], str | None] = {}
    with tempfile.TemporaryDirectory() as tmp:
        labels = corpus.write_corpus(tmp, 20260630, part)
        tables, _, _ = read_tables([tmp])
        for raw in tables:
            for i, name in enumerate(raw.columns):
                key = f"{raw.table}.{name}"
                truth = labels[raw.table][name]
                got, conf = misses.get(key, (truth, 0.9))
                if key not in misses and truth is None:
                    got, conf = None, 0.9
                c["personal"] += truth is not None
                c["tp_before"] += truth is not None and got is not None
                c["fp_before"] += truth is None and got is not None
                c["right_before"] += truth is not None and got == truth
                profile = _profile_text_column(raw.frame.iloc[:, i])
                truths[(raw.table, name)] = truth
                # unlisted columns' detectors are not kept: none of them is taken for a table of people's key
                det = MISS_DETECTORS.get(key) if key in misses else None
                v = ColumnVerdict(raw.table, name, got, det, profile.non_blank, profile.distinct)
                before.append(v)
                j = None if got is not None or conf < 0.8 else \
                    _person_key(name, raw.table, profile, Judgement(None, 0.9, None, []))
                after.append(v if j is None else ColumnVerdict(raw.table, name, j.category, j.detector,
                                                               profile.non_blank, profile.distinct))
                if j is None:
                    continue
                kind = "right" if truth == "user.id" else ("fp" if truth is None else "wrong_category")
                c[f"added_{kind}"] += 1
                if show:
                    print(f"  {part}: {key}: label {truth} -> {kind} ({j.evidence[-1][:150]})")
    # the scan's other tables: a `<x>_id` naming a table the rule found to be of people
    was, now = cross_table(before), cross_table(after)
    for (table, column), j in now.items():
        if (table, column) in was or j.category is None:
            continue
        v = next(x for x in before if x.table == table and x.column == column)
        if v.category is not None:
            continue
        truth = truths[(table, column)]
        kind = "right" if truth == "user.id" else ("fp" if truth is None else "wrong_category")
        c[f"added_{kind}"] += 1
        c["cross_table"] += 1
        if show:
            print(f"  {part}: {table}.{column}: label {truth} -> {kind} (cross-table: {j.evidence[-1][:120]})")
    return c


def figures(c: Counter, after: bool) -> tuple[float, float, float]:
    tp = c["tp_before"] + (c["added_right"] + c["added_wrong_category"] if after else 0)
    fp = c["fp_before"] + (c["added_fp"] if after else 0)
    right = c["right_before"] + (c["added_right"] if after else 0)
    return tp / (tp + fp), tp / c["personal"], right / c["personal"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list every column the rule adds")
    ap.add_argument("--parts", nargs="+", default=PARTS)
    args = ap.parse_args()
    total: Counter = Counter()
    print(f"{'part':10} {'pers':>5} | {'prec':>6} {'recall':>6} {'categ':>6} | {'prec':>6} {'recall':>6} {'categ':>6} | "
          f"{'added':>5} {'right':>5} {'wrongcat':>8} {'fp':>3}")
    for part in args.parts:
        c = simulate(part, args.show)
        total.update(c)
        b, a = figures(c, False), figures(c, True)
        added = c["added_right"] + c["added_wrong_category"] + c["added_fp"]
        print(f"{part:10} {c['personal']:5} | {b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f} | {a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} | "
              f"{added:5} {c['added_right']:5} {c['added_wrong_category']:8} {c['added_fp']:3}")
    b, a = figures(total, False), figures(total, True)
    added = total["added_right"] + total["added_wrong_category"] + total["added_fp"]
    print(f"(of the columns added, {total['cross_table']} by the scan's cross-table step)")
    print(f"{'pooled':10} {total['personal']:5} | {b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f} | {a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} | "
          f"{added:5} {total['added_right']:5} {total['added_wrong_category']:8} {total['added_fp']:3}")


if __name__ == "__main__":
    main()
