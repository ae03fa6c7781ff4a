"""The GX engine: a misconfigured expectation is an internal error, never a finding; suites are stable."""
from __future__ import annotations

import pandas as pd
import pytest

from pia.checks import CHECKS, Check, Expect
from pia.gx_engine import EngineError, GxEngine


@pytest.fixture(scope="module")
def engine():
    return GxEngine({"minor_age": 18, "rights_response_days": 30, "recipients": ["cloud_provider"]})


def test_expectation_on_a_missing_column_raises_engine_error(engine):
    broken = Check(id="test.broken", clause="I.1", dataset="users", description="x", frame="x",
                   expectations=[Expect(type="expect_column_values_to_not_be_null", kwargs={"column": "absent"})])
    with pytest.raises(EngineError, match="test.broken"):
        engine.run(broken, pd.DataFrame({"present": [1, 2]}))


def test_unique_counts_every_occurrence_and_not_null_the_blanks(engine):
    check = next(c for c in CHECKS if c.id == "users.unique_id")
    frame = pd.DataFrame({"user_id": pd.Series(["a", "b", "b", None, "c", "c", "c"], dtype="str",
                                               index=[10, 11, 12, 13, 14, 15, 16])})
    res = engine.run(check, frame)
    assert (res.failed_rows, res.success) == (6, False)
    assert res.sample_rows == (11, 12, 13, 14, 15)  # dataset row positions, ascending, at most 5


def test_suite_json_is_reproducible_and_carries_the_clause(engine):
    check = next(c for c in CHECKS if c.id == "sharing.recipient_declared")
    a, b = engine.suite_json(check), engine.suite_json(check)
    assert a == b and a["meta"]["clause"] == "IV.1"
    assert a["expectations"][1]["kwargs"]["value_set"] == ["cloud_provider"]


def test_every_catalogue_expectation_builds(engine):
    for check in CHECKS:
        assert len(engine.suite(check).expectations) == len(check.expectations)


@pytest.mark.parametrize("index", [[10, 11, 12, 13, 14, 15, 16], [6, 5, 4, 3, 2, 1, 0], [0, 1, 2, 3, 4, 5, 7]],
                         ids=["offset", "reversed", "gap"])
def test_counts_do_not_depend_on_the_frame_index(engine, index):
    # frames are indexed by dataset row position (subsets leave gaps); samples name those positions
    check = next(c for c in CHECKS if c.id == "users.unique_id")
    frame = pd.DataFrame({"user_id": pd.Series(["a", "b", "b", None, "c", "c", "c"], dtype="str", index=index)})
    res = engine.run(check, frame)
    assert res.failed_rows == 6
    assert set(res.sample_rows) <= set(index) and index[0] not in res.sample_rows


def test_runs_do_not_share_cached_metrics(engine):
    check = next(c for c in CHECKS if c.id == "devices.owner_exists")
    first = engine.run(check, pd.DataFrame({"owner_row": pd.array([1, None, 3], dtype="Int64")}))
    second = engine.run(check, pd.DataFrame({"owner_row": pd.array([1, None, None, None], dtype="Int64")}))
    assert (first.failed_rows, second.failed_rows) == (1, 3)


def test_lean_import_leaves_no_hidden_module_behind(engine):
    import sys

    assert "great_expectations" in sys.modules
    assert sys.modules.get("rfc3987_syntax", "absent") is not None  # hidden only while GX was imported
