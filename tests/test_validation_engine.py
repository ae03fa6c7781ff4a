"""The GX engine: a misconfigured expectation is an internal error, never a finding; suites are stable.

The worker process gives the in-process results and errors, and falls back in-process when it fails."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pia.validation import gx_worker
from pia.validation.checks import CHECKS, Check, Expect
from pia.errors import InputError
from pia.validation.gx_engine import EngineError, GxEngine
from pia.validation.run import validate


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


def test_batch_fingerprint_is_off_only_during_the_kits_runs(engine, monkeypatch):
    from great_expectations.execution_engine import pandas_execution_engine as pandas_engine

    seen = []
    real = pandas_engine.PandasExecutionEngine.load_batch_data

    def spy(self, *args, **kwargs):
        seen.append(pandas_engine.HASH_THRESHOLD)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pandas_engine.PandasExecutionEngine, "load_batch_data", spy)
    before = pandas_engine.HASH_THRESHOLD
    check = next(c for c in CHECKS if c.id == "devices.owner_exists")
    engine.run(check, pd.DataFrame({"owner_row": pd.array([1, None, 3], dtype="Int64")}))
    assert seen and set(seen) == {0}  # the kit's own run: no fingerprint
    assert pandas_engine.HASH_THRESHOLD == before != 0  # a user's GX in the same process keeps it


def test_lean_import_leaves_no_hidden_module_behind(engine):
    import sys

    assert "great_expectations" in sys.modules
    assert sys.modules.get("rfc3987_syntax", "absent") is not None  # hidden only while GX was imported


def test_pandas_only_import_hides_spark_and_sql_from_gx_alone():
    """The worker's import: GX sees no pyspark/SQLAlchemy, yet both import normally afterwards."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from pia.validation.gx_engine import _import_gx\n"
            "_import_gx(pandas_only=True)\n"
            "from great_expectations.compatibility import pyspark, sqlalchemy\n"
            "print(type(pyspark.pyspark).__name__, type(sqlalchemy.sqlalchemy).__name__)\n"
            "print(sys.modules.get('pyspark', 'absent') is not None, sys.modules.get('sqlalchemy', 'absent') is not None)\n"
            "import importlib.util\n"
            "print(importlib.util.find_spec('sqlalchemy') is not None)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == ["NotImported", "NotImported", "True", "True", "True"]


# ---------------------------------------------------------------------------- the worker process
ESTATE = Path(__file__).resolve().parents[1] / "data_samples" / "estate"
SETTINGS = {"minor_age": 18, "rights_response_days": 30, "recipients": ["cloud_provider"]}


@pytest.fixture(scope="module")
def in_process_result():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIA_GX_WORKER", "0")
        return validate(ESTATE, as_of="2026-06-30").to_dict()


def test_worker_gives_the_in_process_result(monkeypatch, in_process_result):
    monkeypatch.setenv("PIA_GX_WORKER", "1")
    started = []
    monkeypatch.setattr(gx_worker.Worker, "submit", _spy(gx_worker.Worker.submit, started))
    assert validate(ESTATE, as_of="2026-06-30").to_dict() == in_process_result
    assert len(started) == 20  # every runnable check went to the worker


def test_worker_that_cannot_start_falls_back_in_process(monkeypatch, in_process_result):
    monkeypatch.setenv("PIA_GX_WORKER", "1")

    def refuse(self):
        raise OSError("no processes left")

    monkeypatch.setattr(gx_worker.Worker, "__init__", refuse)
    assert gx_worker.claim() is None
    assert validate(ESTATE, as_of="2026-06-30").to_dict() == in_process_result


def test_worker_that_dies_falls_back_in_process(monkeypatch, in_process_result):
    monkeypatch.setenv("PIA_GX_WORKER", "1")
    monkeypatch.setattr(gx_worker.Worker, "command", ("-c", "import sys; sys.exit(3)"))
    assert validate(ESTATE, as_of="2026-06-30").to_dict() == in_process_result


def test_worker_engine_error_has_the_in_process_message(engine):
    check = next(c for c in CHECKS if c.id == "users.unique_id")
    frame = pd.DataFrame({"present": [1, 2]})  # the suite's column is missing
    with pytest.raises(EngineError) as local:
        engine.run(check, frame)
    worker = gx_worker.Worker()
    try:
        worker.setup(SETTINGS)
        worker.submit(check.id, frame, 5)
        with pytest.raises(EngineError) as remote:
            worker.finish(timeout=120)
    finally:
        worker.close()
    assert str(remote.value) == str(local.value) and "users.unique_id" in str(remote.value)


def test_worker_counts_match_the_engine_with_index_gaps(engine):
    check = next(c for c in CHECKS if c.id == "users.unique_id")
    frame = pd.DataFrame({"user_id": pd.Series(["a", "b", "b", None, "c", "c", "c"], dtype="str",
                                               index=[0, 1, 2, 3, 4, 5, 7])})
    worker = gx_worker.Worker()
    try:
        worker.setup(SETTINGS)
        worker.submit(check.id, frame, 5)
        remote = worker.finish(timeout=120)[check.id]
    finally:
        worker.close()
    assert remote == engine.run(check, frame)


def test_silent_worker_times_out_and_is_cleaned_up(monkeypatch):
    monkeypatch.setattr(gx_worker.Worker, "command", ("-c", "import time; time.sleep(60)"))
    worker = gx_worker.Worker()
    with pytest.raises(EngineError, match="no answer within 0.5 s"):
        worker.finish(timeout=0.5)
    assert worker.proc.poll() is not None and not worker.dir.exists()


def test_failed_read_stops_the_worker_and_removes_its_frames(monkeypatch, tmp_path):
    monkeypatch.setenv("PIA_GX_WORKER", "1")
    made = []
    monkeypatch.setattr(gx_worker.Worker, "setup", _spy(gx_worker.Worker.setup, made))
    (tmp_path / "users.csv").write_text("not,a,users,header\n1,2,3,4\n")
    with pytest.raises(InputError):
        validate(tmp_path, as_of="2026-06-30")
    assert made and made[0].proc.poll() is not None and not made[0].dir.exists()


def _spy(method, calls):
    def wrapper(self, *args, **kwargs):
        calls.append(self)
        return method(self, *args, **kwargs)

    return wrapper


def test_worker_refuses_without_ram_backed_directory(monkeypatch, tmp_path):
    """Frames hold personal values: they are handed over only through /dev/shm, never a disk directory."""
    monkeypatch.setattr(gx_worker, "SHM", str(tmp_path / "no-shm"))
    with pytest.raises(gx_worker.WorkerFailed):
        gx_worker.Worker()
    assert gx_worker.claim() is None


def test_worker_frames_live_in_shm():
    worker = gx_worker.Worker()
    try:
        assert str(worker.dir).startswith(gx_worker.SHM + "/")
    finally:
        worker.close()
    assert not worker.dir.exists()
