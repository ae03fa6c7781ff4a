"""Root causes of the blind (first-run) discovery misses of holdout2 … holdout9, recomputed from the record.

Reads the misses of seed 20260630 from each `discovery_quality_holdoutN_first_run.txt` (the first block only: the
first run), joins them with the hand classification in `discovery_blind_misses.csv` (one row per miss, checked
one to one), and prints the tables of `discovery_blind_misses.md`: counts per cause and part, the blind figures
with each cause or mechanism removed, the cumulative plan, and recall by whether a column's name had been seen
as personal in an earlier part. Every miss recurs identically under seeds 7 and 11 (each first-run total is three
times the seed-20260630 count), so figures from one seed equal the three-seed figures.

    python benchmarks/discovery_blind_misses.py
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = range(2, 10)
CAUSES = {
    "a": "name vocabulary unknown, values opaque",
    "b": "values have a shape the kit has no detector for",
    "c": "a value detector exists but a rule, gate or threshold overruled it",
    "d": "category the kit lacked at the time",
    "e": "label convention not inferable from the data",
    "f": "false positive from a name hint",
    "h": "wrong category from a name or rule-precedence misreading",
    "t": "generic column name; only the table says whose it is",
}
PLAN = [
    ("LEXG", "general name lexicon + compound/abbreviation splitting"),
    ("NAMEVAL VAL JSON", "value detectors: person names ungated, new shapes, JSON keys"),
    ("CTX", "table-context rules"),
    ("PREC", "precedence, gate and threshold fixes"),
    ("GUARD", "false-positive guards (values contradict the name; head word)"),
    ("TAX", "missing categories with detectors"),
    ("LEXD", "domain jargon packs"),
    ("CONV", "label conventions adopted"),
]
_MISS = re.compile(r"^  (.+?): label (\S+), got (\S+) \[")
_HEAD = re.compile(r"^part holdout\d+: (\d+) columns \((\d+) personal\)")


def first_run(n: int) -> tuple[int, list[tuple[str, str | None, str | None]]]:
    """Personal columns per seed and the misses of seed 20260630 in the first run of part `n`.

    Parameters
    ----------
    n : int
        Part number (holdoutN).

    Returns
    -------
    tuple
        Personal columns in one seed's corpus, and (table.column, label, verdict) per miss.
    """
    lines = (ROOT / "benchmarks" / f"discovery_quality_holdout{n}_first_run.txt").read_text("utf-8").splitlines()
    personal = next(int(m.group(2)) for line in lines if (m := _HEAD.match(line))) // 3
    start = lines.index("misses (seed 20260630):") + 1
    misses = []
    for line in lines[start:]:
        m = _MISS.match(line)
        if not m:
            break
        label, got = (None if v == "None" else v for v in m.group(2, 3))
        misses.append((m.group(1), label, got))
    return personal, misses


def load() -> tuple[dict[int, int], list[dict[str, str]]]:
    """Join the first-run misses with the classification; fail if either side has a row the other lacks."""
    rows = list(csv.DictReader((ROOT / "benchmarks" / "discovery_blind_misses.csv").open(encoding="utf-8")))
    by_key = {(r["part"], f"{r['table']}.{r['column']}"): r for r in rows}
    personal, joined = {}, []
    for n in PARTS:
        personal[n], misses = first_run(n)
        for name, label, got in misses:
            row = by_key.pop((f"holdout{n}", name))
            assert (row["label"] or None, row["verdict"] or None) == (label, got), name
            joined.append(row | {"n": n})
    assert not by_key, f"classified but not in a first run: {sorted(by_key)}"
    return personal, joined


def figures(personal: dict[int, int], rows: list[dict], fixed: Callable[[dict], bool], parts=PARTS) -> dict:
    """Detection precision and recall and category share over `parts` with the misses `fixed` selects undone."""
    p = sum(personal[n] for n in parts)
    kinds = Counter(r["kind"] for r in rows if r["n"] in parts and not fixed(r))
    tp = p - kinds["FN"]
    return {"recall": tp / p, "precision": tp / (tp + kinds["FP"]), "category": (tp - kinds["CE"]) / p, **kinds}


def novelty(rows: list[dict]) -> Counter:
    """Recall of personal columns by whether their normalised name was personal in an earlier part."""
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "tests" / "corpus_real" / "build_real_corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)

    def norm(s: str) -> str:
        s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
        return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]+", "_", s).strip("_").lower()

    fn = {(r["n"], r["table"], r["column"]) for r in rows if r["kind"] == "FN"}
    seen: set[str] = set()
    out: Counter = Counter()
    for part in ["tuned", "holdout", *(f"holdout{n}" for n in PARTS)]:
        cols = [(t["table"], c[0]) for t in corpus.load_schemas(part) for c in t["columns"] if c[2]]
        if part[7:].isdigit():
            for table, col in cols:
                key = "seen" if norm(col) in seen else "new"
                out[key] += 1
                out[key + "_fn"] += (int(part[7:]), table, col) in fn
        seen |= {norm(c) for _, c in cols}
    return out


def _fixed_by(mechanisms: set[str]) -> Callable[[dict], bool]:
    """Select the misses that any of `mechanisms` would undo."""
    return lambda r: bool(mechanisms & set(r["mechanisms"].split()))


def main() -> None:
    """Print the tables."""
    personal, rows = load()
    print("cause  " + "  ".join(f"h{n:<6}" for n in PARTS) + "  FN  FP  CE   recall precision category")
    for c, what in CAUSES.items():
        cells = []
        for n in PARTS:
            k = Counter(r["kind"] for r in rows if r["n"] == n and r["cause"] == c)
            cells.append(f"{k['FN']}/{k['FP']}/{k['CE']}".ljust(7))
        f = figures(personal, rows, lambda r, c=c: r["cause"] == c)
        own = Counter(r["kind"] for r in rows if r["cause"] == c)
        print(f"{c}      " + "  ".join(cells) + f"  {own['FN']:>2}  {own['FP']:>2}  {own['CE']:>2}"
              f"   {f['recall']:.3f}  {f['precision']:.3f}     {f['category']:.3f}   {what}")
    base = figures(personal, rows, lambda r: False)
    print(f"as measured: recall {base['recall']:.3f} precision {base['precision']:.3f} category {base['category']:.3f}")
    print("\nmechanism removed alone, then cumulative")
    done: set[str] = set()
    for tags, what in PLAN:
        alone = figures(personal, rows, _fixed_by(set(tags.split())))
        done |= set(tags.split())
        cum = figures(personal, rows, _fixed_by(set(done)))
        print(f"{tags:<17} alone R {alone['recall']:.3f} P {alone['precision']:.3f} C {alone['category']:.3f}"
              f" | cumulative R {cum['recall']:.3f} P {cum['precision']:.3f} C {cum['category']:.3f}  {what}")
    nov = novelty(rows)
    print(f"\nnames seen as personal in an earlier part: {nov['seen']} columns, recall {1 - nov['seen_fn'] / nov['seen']:.3f};"
          f" never seen: {nov['new']} columns, recall {1 - nov['new_fn'] / nov['new']:.3f}")


if __name__ == "__main__":
    main()
