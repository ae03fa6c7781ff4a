"""Precision and recall of the detectors over the labelled corpus (tests/corpus/build_corpus.py).

`pytest -s tests/test_detector_quality.py` prints the per-category table.
"""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from pia.discovery.scan import scan

_spec = importlib.util.spec_from_file_location("build_corpus", Path(__file__).parent / "corpus" / "build_corpus.py")
corpus = importlib.util.module_from_spec(_spec)
sys.modules["build_corpus"] = corpus  # dataclasses look their module up there
_spec.loader.exec_module(corpus)

SEEDS = (20260630, 7, 11)


def _measure(tmp_path: Path, seed: int) -> tuple[Counter, Counter, Counter, list[str]]:
    labels = corpus.write_corpus(tmp_path / str(seed), seed)
    result = scan([tmp_path / str(seed)])
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    for t in result.tables:
        for c in t.columns:
            truth, pred = labels[t.table][c.name], c.category
            if truth and pred == truth:
                tp[truth] += 1
                continue
            if pred:
                fp[pred] += 1
            if truth:
                fn[truth] += 1
            if pred != truth:
                errors.append(f"{t.table}.{c.name}: expected {truth}, got {pred} ({'; '.join(c.evidence)})")
    return tp, fp, fn, errors


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> tuple[Counter, Counter, Counter, list[str]]:
    tmp = tmp_path_factory.mktemp("corpus")
    tp, fp, fn, errors = Counter(), Counter(), Counter(), []
    for seed in SEEDS:
        a, b, c, e = _measure(tmp, seed)
        tp += a
        fp += b
        fn += c
        errors += e
    cats = sorted(set(tp) | set(fp) | set(fn))
    print(f"\n{'category':52} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for cat in cats:
        p = tp[cat] / (tp[cat] + fp[cat]) if tp[cat] + fp[cat] else 1.0
        r = tp[cat] / (tp[cat] + fn[cat]) if tp[cat] + fn[cat] else 1.0
        print(f"{cat:52} {tp[cat]:4} {fp[cat]:4} {fn[cat]:4} {p:9.3f} {r:7.3f}")
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'overall (micro)':52} {T:4} {P:4} {N:4} {T / (T + P):9.3f} {T / (T + N):7.3f}")
    for e in errors:
        print("  miss:", e)
    return tp, fp, fn, errors


def test_corpus_has_positives_and_lookalikes_for_every_detector():
    tables = corpus.build_corpus()
    labels = Counter(c.label for t in tables for c in t.columns)
    assert labels[None] >= 40  # look-alikes
    assert len([k for k in labels if k]) >= 20


def test_overall_precision_and_recall_at_least_095(measured):
    tp, fp, fn, errors = measured
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    assert T / (T + P) >= 0.95, errors
    assert T / (T + N) >= 0.95, errors


def test_every_detector_precision_and_recall_at_least_09(measured):
    tp, fp, fn, _ = measured
    low = {}
    for cat in set(tp) | set(fp) | set(fn):
        p = tp[cat] / (tp[cat] + fp[cat]) if tp[cat] + fp[cat] else 1.0
        r = tp[cat] / (tp[cat] + fn[cat]) if tp[cat] + fn[cat] else 1.0
        if p < 0.9 or r < 0.9:
            low[cat] = (round(p, 3), round(r, 3))
    assert not low
