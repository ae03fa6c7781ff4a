"""Quality of `pia scan` on the real-schema corpus (tests/corpus_real): precision and recall per category.

The corpus (tables whose columns come from published schemas and exports, values made up) and its labels
were committed before the detectors were run on it. `--part tuned` (default) is the 33 tables the detectors were
then reworked on; `--part holdout` is 8 tables written after that work (measured once, then its failure classes were
fixed, so it is in-sample now); `--part holdout2` is 12 tables from 9 further sources, labelled and committed before
any detector ran on them (first run: benchmarks/discovery_quality_holdout2_first_run.txt); `--part holdout3` is
13 tables from 8 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout3_first_run.txt); `--part holdout4` is 9 tables from 6 further sources,
labelled and committed while the detectors were being fixed on holdout3's misses, by an engineer who read neither
the detector code nor any run (first run: benchmarks/discovery_quality_holdout4_first_run.txt; its failure classes
were fixed after it, so it is in-sample now); `--part holdout5` is 14 tables from 7 further sources, labelled
and committed the same way, blind to the detector code and to every run (first run:
benchmarks/discovery_quality_holdout5_first_run.txt; its failure classes were fixed after it, so it is in-sample now);
`--part holdout6` is 13 tables from 7 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout6_first_run.txt; its failure classes were fixed after it, so it is in-sample now);
`--part holdout7` is 13 tables from 6 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout7_first_run.txt; its failure classes were fixed after it, so it is in-sample now);
`--part holdout8` is 11 tables from 7 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout8_first_run.txt, 0.923 / 0.667 / 0.625; its failure classes were fixed after it,
so it is in-sample now: 1.000 / 1.000 / 1.000);
`--part holdout9` is 14 tables from 8 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout9_first_run.txt; its failure classes were fixed after it, so it is in-sample now);
`--part holdout10` is 12 tables from 7 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout10_first_run.txt, 0.959 / 0.861 / 0.796; 0.960 / 0.889 / 0.824 after holdout8's and
holdout9's fixes, still blind; its failure classes were fixed after it, so it is in-sample now: 1.000 / 1.000 / 1.000);
`--part holdout11` is 13 tables from 7 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout11_first_run.txt, 0.957 / 0.744 / 0.711; 0.958 / 0.767 / 0.733 after the name
lexicon and holdout10's fixes, still blind; its failure classes were fixed after it, so it is in-sample now:
0.978 / 0.978 / 0.967);
`--part holdout12` is 14 tables from 7 further sources, labelled and committed the same way (first run:
benchmarks/discovery_quality_holdout12_first_run.txt, 0.855 / 0.855 / 0.823; its failure classes were fixed after it, so it
is in-sample now: 0.921 / 0.935 / 0.919);
`--part holdout13` is 16 tables from 8 further sources (healthcare, education, telecoms, a forum, banking exports),
labelled and committed the same way, before any detector ran on it (first run:
benchmarks/discovery_quality_holdout13_first_run.txt, 0.940 / 0.684 / 0.667; its failure classes were fixed after it,
so it is in-sample now: 0.991 / 1.000 / 0.991);
`--part holdout14` is 15 tables from 9 further sources (a library, recruiting, a church, webmail, network monitoring
logs, a voter file, a DNA raw-data download, Chinese ride-hailing itineraries), labelled and committed the same way
(first run: benchmarks/discovery_quality_holdout14_first_run.txt, 0.957 / 0.815 / 0.787; its failure classes were
fixed after it, so it is in-sample now: 1.000 / 0.976 / 0.957).
For each seed this writes the corpus as CSV, scans it,
and compares every column's category with its label. It prints

- detection: a column is personal or not (precision, recall over all columns);
- category: the share of personal columns given exactly their labelled category;
- per category: precision and recall of exact categories;
- every miss (table.column, label, verdict, detector, evidence: names and shares only, never values).

    python benchmarks/bench_discovery_quality.py [--seeds 20260630 7 11] [--json OUT]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "build_real_corpus", ROOT / "tests" / "corpus_real" / "build_real_corpus.py"
)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def measure(seeds: list[int], part: str = "tuned") -> dict:
    """Scan the corpus part written with each seed and count agreements with the labels."""
    from pia.discovery.scan import scan

    tp, fp, fn = Counter(), Counter(), Counter()
    det = Counter()
    cat_right = personal = 0
    misses: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            out = Path(tmp) / str(seed)
            labels = corpus.write_corpus(out, seed, part)
            result = scan([out])
            for t in result.tables:
                for c in t.columns:
                    truth, pred = labels[t.table][c.name], c.category
                    det[(truth is not None, pred is not None)] += 1
                    if truth:
                        personal += 1
                        cat_right += pred == truth
                    if truth and pred == truth:
                        tp[truth] += 1
                        continue
                    if pred:
                        fp[pred] += 1
                    if truth:
                        fn[truth] += 1
                    if pred != truth and seed == seeds[0]:
                        misses.append(
                            {
                                "column": f"{t.table}.{c.name}",
                                "label": truth,
                                "verdict": pred,
                                "detector": c.detector,
                                "confidence": c.confidence,
                                "evidence": "; ".join(c.evidence),
                            }
                        )
    d_tp, d_fp, d_fn = det[(True, True)], det[(False, True)], det[(True, False)]
    cats = {}
    for cat in sorted(set(tp) | set(fp) | set(fn)):
        cats[cat] = {
            "tp": tp[cat],
            "fp": fp[cat],
            "fn": fn[cat],
            "precision": round(tp[cat] / (tp[cat] + fp[cat]), 3) if tp[cat] + fp[cat] else 1.0,
            "recall": round(tp[cat] / (tp[cat] + fn[cat]), 3) if tp[cat] + fn[cat] else 1.0,
        }
    return {
        "part": part,
        "seeds": seeds,
        "columns": sum(det.values()),
        "personal_columns": personal,
        "detection": {
            "tp": d_tp,
            "fp": d_fp,
            "fn": d_fn,
            "precision": round(d_tp / (d_tp + d_fp), 3) if d_tp + d_fp else 1.0,
            "recall": round(d_tp / (d_tp + d_fn), 3) if d_tp + d_fn else 1.0,
        },
        "category_accuracy": round(cat_right / personal, 3) if personal else 1.0,
        "categories": cats,
        "below_0_9": sorted(k for k, v in cats.items() if v["precision"] < 0.9 or v["recall"] < 0.9),
        "misses_first_seed": misses,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[20260630, 7, 11])
    ap.add_argument(
        "--part",
        choices=[
            "tuned", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9",
            "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17",
            "holdout18", "holdout19", "holdout20", "holdout21", "holdout22",
        ],
        default="tuned",
        help="tuned: schemas.yaml (the detectors were reworked on it); holdout: holdout.yaml (measured once, then "
        "its failure classes fixed); holdout2 to holdout13: holdout2.yaml to holdout13.yaml "
        "(labelled and committed before any run on them)",
    )
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args()
    m = measure(args.seeds, args.part)
    d = m["detection"]
    print(f"part {m['part']}: {m['columns']} columns ({m['personal_columns']} personal) over seeds {m['seeds']}")
    print(
        f"detection: precision {d['precision']:.3f}, recall {d['recall']:.3f} "
        f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']}); "
        f"category right for {m['category_accuracy']:.3f} of personal columns"
    )
    print(f"\n{'category':48} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for cat, v in m["categories"].items():
        print(f"{cat:48} {v['tp']:4} {v['fp']:4} {v['fn']:4} {v['precision']:9.3f} {v['recall']:7.3f}")
    print(f"\ncategories below 0.9: {', '.join(m['below_0_9']) or 'none'}")
    if m["misses_first_seed"]:
        print(f"\nmisses (seed {m['seeds'][0]}):")
        for x in m["misses_first_seed"]:
            print(
                f"  {x['column']}: label {x['label']}, got {x['verdict']} [{x['detector']}, {x['confidence']}] "
                f"({x['evidence']})"
            )
    if args.json:
        args.json.write_text(json.dumps(m, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
