"""The PostgreSQL sample search (`first_failing`): a prefix first, the same answer as reading every row."""
from __future__ import annotations

import random

import pytest

from pia.validation.gx_remote import first_failing, sample_query
from pia.validation.remote import one_scan
from pia.validation.sources import EngineKind


def _runner(failing: list[int], limit: int, calls: list[int | None]):
    def run(below: int | None) -> list[tuple]:
        calls.append(below)
        rows = sorted(p for p in failing if below is None or p < below)
        return [(p,) for p in rows[:limit]]

    return run


@pytest.mark.parametrize("seed", range(40))
def test_prefix_search_gives_the_full_scans_answer(seed):
    rng = random.Random(seed)
    rows = rng.choice([10, 1000, 100_000])
    failing = rng.sample(range(rows), rng.randint(0, min(rows, 60)))
    if rng.random() < 0.3:  # clustered at the end, as planted rows appended to a table
        failing = list(range(rows - len(failing), rows))
    calls: list[int | None] = []
    got = first_failing(_runner(failing, 5, calls), len(failing), rows, 5)
    assert got == [(p,) for p in sorted(failing)[:5]]
    assert not failing or calls[-1] is None or len(got) == 5  # fewer than 5 only after reading everything


def test_many_failures_read_a_prefix_only():
    failing = list(range(0, 1_000_000, 100))  # 10,000 failing rows spread evenly
    calls: list[int | None] = []
    got = first_failing(_runner(failing, 5, calls), len(failing), 1_000_000, 5)
    assert got == [(0,), (100,), (200,), (300,), (400,)]
    assert calls == [2001]  # one query, bounded to the first 2,001 positions


def test_no_failure_no_query():
    calls: list[int | None] = []
    assert first_failing(_runner([], 5, calls), 0, 100, 5) == []
    assert calls == []


def test_bound_is_tested_before_the_checks_conditions():
    from pia.validation.checks import compile_checks
    from pia.declare.manifest import load_manifest

    _, checks = compile_checks(load_manifest())
    check = next(c for c in checks if c.id == "users.password_hashed")
    sql = sample_query(check, "SELECT 1", {}, EngineKind.postgresql, ["_row"], ["_row"], 5, below=42)
    where = sql.split(" WHERE ", 1)[1]
    assert where.startswith('pia_frame."_row" < 42 AND (')
    assert sql.endswith("LIMIT 5")


def test_one_scan_frames_are_told_from_frames_with_joins():
    import ibis

    t = ibis.table({"_row": "int64", "a": "string"}, name="t")
    u = ibis.table({"_row": "int64", "a": "string"}, name="u")
    assert one_scan(t.filter(t.a.notnull()).select("_row", "a"))
    assert not one_scan(t.left_join(u, t.a == u.a).select(t._row))
    assert not one_scan(t.mutate(r=ibis.row_number().over(group_by=t.a)))
    assert not one_scan(t.group_by("a").aggregate(n=t._row.min()))
